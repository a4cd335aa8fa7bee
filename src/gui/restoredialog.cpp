#include "restoredialog.h"

#include "dialogsize.h"
#include "displaytext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Rewind {

namespace {

constexpr auto NoteName = "note";

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(NoteName));
    label->setWordWrap(true);
    return label;
}

// The fields of a choice that is not chosen are disabled; its description stays
// readable, so that what each choice does can be read before choosing it.
void enableFields(QWidget *options, bool enabled)
{
    for (QWidget *child : options->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->objectName() != QLatin1String(NoteName)) {
            child->setEnabled(enabled);
        }
    }
}

// The point's time says which copy is which when several points come back side by
// side; minutes are enough to tell points apart, and a number is added when not.
QString newVmName(const QString &vmName, const QDateTime &time, const QStringList &namesInUse)
{
    const QString base = time.isValid()
        ? QStringLiteral("%1-%2").arg(vmName, time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")))
        : vmName + QLatin1String("-restored");
    QString name = base;
    for (int n = 2; namesInUse.contains(name); ++n) {
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    return name;
}

} // namespace

RestoreDialog::RestoreDialog(
    const QString &vmName, const PointRow &point, const QStringList &namesInUse, QWidget *parent)
    : QDialog(parent), m_vmName(vmName), m_pointId(point.id), m_namesInUse(namesInUse)
{
    const QString &pointId = point.id;
    m_withRam = point.method == PointManifest::Method::FullState;
    const bool withRam = m_withRam;
    setWindowTitle(tr("Restore Point %1").arg(pointId));
    // Wide enough for a folder path and for the notes to read as paragraphs.
    setMinimumWidth(80 * fontMetrics().averageCharWidth());
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How should '%1' come back to point %2?").arg(vmName, pointId), this);
    intro->setWordWrap(true);
    QFont bold = intro->font();
    bold.setBold(true);
    intro->setFont(bold);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(QStringLiteral("%1 · %2").arg(DisplayText::dateTime(point.time),
                                     DisplayText::methodText(point.method)),
        this));

    // The options of a choice sit under its radio button, indented to its text.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    m_modes = new QButtonGroup(this);
    const auto addChoice = [&](QRadioButton *button, RestoreRequest::Mode mode, const QString &text) {
        m_modes->addButton(button, int(mode));
        layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
        layout->addWidget(button);
        auto *options = new QWidget(this);
        auto *form = new QFormLayout(options);
        form->setContentsMargins(indent, 0, 0, 0);
        form->addRow(note(text, options));
        layout->addWidget(options);
        return form;
    };

    auto *asNewButton = new QRadioButton(tr("As a &new VM"), this);
    asNewButton->setObjectName(QStringLiteral("asNew"));
    QFormLayout *asNew = addChoice(asNewButton, RestoreRequest::Mode::AsNewVm,
        tr("A copy with a new name, UUID and network addresses, beside the original, which stays as it "
           "is. From a full-state point it boots from the point's disks."));
    m_asNewOptions = asNew->parentWidget();
    m_newName = new QLineEdit(newVmName(vmName, point.time, namesInUse), m_asNewOptions);
    m_newName->setObjectName(QStringLiteral("newName"));
    asNew->addRow(tr("N&ame:"), m_newName);
    asNew->addRow(tr("&Folder:"),
        folderRow(&m_newDir, tr("Next to the original images"), tr("Folder for the New VM's Images")));
    m_newDir->setObjectName(QStringLiteral("newDir"));
    if (!withRam) {
        m_startNew = new QCheckBox(tr("S&tart the new VM"), m_asNewOptions);
        m_startNew->setObjectName(QStringLiteral("startNew"));
        asNew->addRow(m_startNew);
    }

    auto *inPlaceButton = new QRadioButton(tr("In &place"), this);
    inPlaceButton->setObjectName(QStringLiteral("inPlace"));
    QFormLayout *inPlace = addChoice(inPlaceButton, RestoreRequest::Mode::InPlace,
        (withRam ? tr("'%1' is stopped if it runs, and its disks and RAM go back to that moment: it runs on "
                      "from there. What changed in it since then is lost.")
                 : tr("'%1' is stopped if it runs, and its disks go back to that moment. What changed in it "
                      "since then is lost. The point holds no RAM, so '%1' is shut off afterwards unless it "
                      "is started."))
            .arg(vmName));
    m_inPlaceOptions = inPlace->parentWidget();
    m_keepSafetyCopy = new QCheckBox(tr("&Keep the replaced images as safety copies"), m_inPlaceOptions);
    m_keepSafetyCopy->setObjectName(QStringLiteral("keepSafetyCopy"));
    inPlace->addRow(m_keepSafetyCopy);
    if (!withRam) {
        m_startInPlace = new QCheckBox(tr("&Start '%1' afterwards").arg(vmName), m_inPlaceOptions);
        m_startInPlace->setObjectName(QStringLiteral("startInPlace"));
        inPlace->addRow(m_startInPlace);
    }

    auto *exportButton = new QRadioButton(tr("&Export the disks"), this);
    exportButton->setObjectName(QStringLiteral("export"));
    QFormLayout *exported = addChoice(exportButton, RestoreRequest::Mode::Export,
        tr("The point's disks are written as standalone images into a folder. No VM is touched."));
    m_exportOptions = exported->parentWidget();
    exported->addRow(tr("F&older:"), folderRow(&m_exportDir, {}, tr("Export Into")));
    m_exportDir->setObjectName(QStringLiteral("exportDir"));
    m_exportFormat = new QComboBox(m_exportOptions);
    m_exportFormat->setObjectName(QStringLiteral("exportFormat"));
    m_exportFormat->addItem(tr("As stored"), QString());
    m_exportFormat->addItem(QStringLiteral("qcow2"), QStringLiteral("qcow2"));
    m_exportFormat->addItem(tr("raw"), QStringLiteral("raw"));
    exported->addRow(tr("Fo&rmat:"), m_exportFormat);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole)
        ->setObjectName(QStringLiteral("restore"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_modes, &QButtonGroup::idToggled, this, &RestoreDialog::update);
    for (QLineEdit *edit : {m_newName, m_newDir, m_exportDir}) {
        connect(edit, &QLineEdit::textChanged, this, &RestoreDialog::update);
    }
    // The safe choice first: nothing of the original changes.
    asNewButton->setChecked(true);
    update();
}

QWidget *RestoreDialog::folderRow(QLineEdit **edit, const QString &placeholder, const QString &title)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    *edit = new QLineEdit(row);
    (*edit)->setPlaceholderText(placeholder);
    auto *browse = new QPushButton(tr("Browse…"), row);
    h->addWidget(*edit, 1);
    h->addWidget(browse);
    QLineEdit *target = *edit;
    connect(browse, &QPushButton::clicked, this, [this, target, title] {
        auto *chooser = new QFileDialog(this, title, target->text());
        chooser->setFileMode(QFileDialog::Directory);
        chooser->setOption(QFileDialog::ShowDirsOnly);
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        connect(chooser, &QFileDialog::fileSelected, target, &QLineEdit::setText);
        chooser->open();
    });
    return row;
}

void RestoreDialog::setMode(RestoreRequest::Mode mode)
{
    m_modes->button(int(mode))->setChecked(true);
}

void RestoreDialog::setOriginalRemoved()
{
    m_originalRemoved = true;
    const bool nameTaken = m_namesInUse.contains(m_vmName);
    auto *removed
        = note(nameTaken ? tr("'%1' is no longer defined in libvirt, and another VM has its name now, so it "
                              "cannot come back as it was. It can come back as a new VM under another name.")
                               .arg(m_vmName)
                         : tr("'%1' is no longer defined in libvirt. It can come back as it was, or as a new "
                              "VM under its old name or another.")
                               .arg(m_vmName),
            this);
    removed->setObjectName(QStringLiteral("originalRemoved"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(2, removed);
    QAbstractButton *inPlace = m_modes->button(int(RestoreRequest::Mode::InPlace));
    inPlace->setText(tr("As it &was"));
    m_inPlaceOptions->findChild<QLabel *>(QLatin1String(NoteName))
        ->setText((m_withRam ? tr("'%1' is defined again under its own name, UUID and network addresses, on "
                                  "the image paths it had, and runs on from that moment (RAM restored). "
                                  "Images still at those paths are replaced.")
                             : tr("'%1' is defined again under its own name, UUID and network addresses, on "
                                  "the image paths it had; the point holds no RAM, so it is shut off "
                                  "afterwards unless it is started. Images still at those paths are "
                                  "replaced."))
                      .arg(m_vmName));
    m_asNewOptions->findChild<QLabel *>(QLatin1String(NoteName))
        ->setText(
            tr("A VM with a new UUID and network addresses, made from the point. From a full-state point "
               "it boots from the point's disks."));
    if (nameTaken) {
        inPlace->setEnabled(false);
        m_inPlaceOptions->setEnabled(false); // its description greyed out with it
        m_modes->button(int(RestoreRequest::Mode::AsNewVm))->setChecked(true);
    } else {
        m_newName->setText(m_vmName);
    }
    update();
}

QPushButton *RestoreDialog::restoreButton() const
{
    return m_buttons->findChild<QPushButton *>(QStringLiteral("restore"));
}

RestoreRequest RestoreDialog::request() const
{
    RestoreRequest r;
    r.pointId = m_pointId;
    r.mode = RestoreRequest::Mode(m_modes->checkedId());
    switch (r.mode) {
    case RestoreRequest::Mode::InPlace:
        r.force = true; // consent: the user chose in place, which says the VM is stopped
        r.keepSafetyCopy = m_keepSafetyCopy->isChecked();
        r.start = m_startInPlace && m_startInPlace->isChecked();
        break;
    case RestoreRequest::Mode::AsNewVm:
        r.newName = m_newName->text().trimmed();
        r.targetDir = m_newDir->text().trimmed();
        r.start = m_startNew && m_startNew->isChecked();
        break;
    case RestoreRequest::Mode::Export:
        r.targetDir = m_exportDir->text().trimmed();
        r.exportFormat = m_exportFormat->currentData().toString();
        break;
    }
    return r;
}

void RestoreDialog::update()
{
    const auto mode = RestoreRequest::Mode(m_modes->checkedId());
    enableFields(m_asNewOptions, mode == RestoreRequest::Mode::AsNewVm);
    enableFields(m_inPlaceOptions, mode == RestoreRequest::Mode::InPlace);
    enableFields(m_exportOptions, mode == RestoreRequest::Mode::Export);

    QString problem;
    QString action;
    switch (mode) {
    case RestoreRequest::Mode::AsNewVm: {
        action = tr("Restore as New VM");
        const QString name = m_newName->text().trimmed();
        if (name.isEmpty()) {
            problem = tr("Give the new VM a name.");
        } else if (name.contains(QLatin1Char('/'))) {
            problem = tr("A VM name cannot contain '/'.");
        } else if (name == m_vmName && !m_originalRemoved) {
            problem = tr("The new VM needs a name of its own; '%1' is the original's.").arg(name);
        } else if (m_namesInUse.contains(name)) {
            problem = tr("A VM called '%1' exists already; choose another name.").arg(name);
        }
        break;
    }
    case RestoreRequest::Mode::InPlace:
        action = m_originalRemoved ? tr("Bring Back") : tr("Restore in Place");
        break;
    case RestoreRequest::Mode::Export:
        action = tr("Export");
        if (m_exportDir->text().trimmed().isEmpty()) {
            problem = tr("Choose the folder to export into.");
        }
        break;
    }
    restoreButton()->setText(action);
    restoreButton()->setEnabled(problem.isEmpty());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (isVisible()) {
        DialogSize::fitHeight(this);
    }
}

void RestoreDialog::showEvent(QShowEvent *event)
{
    DialogSize::fitHeight(this);
    QDialog::showEvent(event);
}

} // namespace Rewind
