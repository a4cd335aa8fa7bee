#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QHBoxLayout;
#include <QPushButton>

namespace Rewind {

/// What a view shows instead of an empty list: an icon, a title saying what is missing,
/// a sentence saying why and what to do, and buttons that do it ("Connect to
/// qemu:///system", "Choose folder…"). Buttons are added per state and cleared with it.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setContent(const QIcon &icon, const QString &title, const QString &text);
    QString title() const;
    QString text() const;
    /// Adds a button that calls slot on context; returns it (tests click it).
    template<typename Context, typename Func>
    QPushButton *addButton(const QString &text, const Context *context, Func slot)
    {
        QPushButton *button = makeButton(text);
        connect(button, &QPushButton::clicked, context, slot);
        return button;
    }
    void clearButtons();
    QList<QPushButton *> buttons() const { return m_buttons; }

private:
    QPushButton *makeButton(const QString &text);

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QHBoxLayout *m_buttonRow;
    QList<QPushButton *> m_buttons;
};

} // namespace Rewind
