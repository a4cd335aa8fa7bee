#include "emptystatewidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rewind {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttonRow(new QHBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    m_icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_icon);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    layout->addWidget(m_title);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setForegroundRole(QPalette::PlaceholderText);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setMaximumWidth(520);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(m_text);
    textRow->addStretch();
    layout->addLayout(textRow);
    m_buttonRow->addStretch();
    m_buttonRow->addStretch();
    layout->addSpacing(8);
    layout->addLayout(m_buttonRow);
    layout->addStretch(2);
}

void EmptyStateWidget::setContent(const QIcon &icon, const QString &title, const QString &text)
{
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(48, 48));
    m_icon->setVisible(!icon.isNull());
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::text() const
{
    return m_text->text();
}

QPushButton *EmptyStateWidget::makeButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttonRow->insertWidget(m_buttonRow->count() - 1, button);
    m_buttons.append(button);
    return button;
}

void EmptyStateWidget::clearButtons()
{
    for (QPushButton *b : std::as_const(m_buttons)) {
        m_buttonRow->removeWidget(b);
        b->deleteLater();
    }
    m_buttons.clear();
}

} // namespace Rewind
