#include "backupsettingsdialog.h"

#include "async.h"
#include "autostart.h"
#include "dialogsize.h"
#include "guisettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <tuple>

namespace Rewind {

namespace {

constexpr qint64 SecondsPerDay = 24 * 60 * 60;
constexpr int MaxKeep = 9999;

enum ScheduleChoice { Off, Interval, Daily, Weekly };
enum Unit { Minutes, Hours };

const QList<RetentionRule> &rules()
{
    static const QList<RetentionRule> all {RetentionRule::Last, RetentionRule::Hourly, RetentionRule::Daily,
        RetentionRule::Weekly, RetentionRule::Monthly, RetentionRule::Yearly};
    return all;
}

// Whole days, rounded up: a chain limit of 36 hours shows as 2 days.
int ageInDays(qint64 seconds)
{
    return int((seconds + SecondsPerDay - 1) / SecondsPerDay);
}

// A count with a word for 0 ("off") and a unit.
QSpinBox *countBox(QWidget *parent, const QString &name, int max, const QString &zero, const QString &suffix)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0, max);
    spin->setSpecialValueText(zero);
    spin->setSuffix(suffix);
    return spin;
}

} // namespace

BackupSettingsDialog::BackupSettingsDialog(
    const Repository &repository, const QString &vmUuid, const QString &vmName, QWidget *parent)
    : QDialog(parent), m_repository(repository), m_vmUuid(vmUuid), m_vmName(vmName)
{
    setWindowTitle(tr("Backup Settings of %1").arg(vmName));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSchedule());
    layout->addWidget(buildRetention());
    layout->addWidget(buildChain());
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    QFont bold = m_problem->font();
    bold.setBold(true);
    m_problem->setFont(bold);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BackupSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BackupSettingsDialog::reject);
    layout->addWidget(m_buttons);

    setSettings(VmSettings());
    setBusy(true);
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, vmUuid] {
            QList<Error> problems;
            VmSettings::Parts unreadable;
            auto settings = VmSettings::loadReadable(repository, vmUuid, &problems, &unreadable);
            return std::make_tuple(settings, problems, unreadable);
        },
        [this](const std::tuple<Result<VmSettings>, QList<Error>, VmSettings::Parts> &outcome) {
            const auto &[r, problems, unreadable] = outcome;
            m_unreadable = r ? unreadable : VmSettings::AllParts;
            if (!r) {
                showProblem(tr("%1 Saving replaces the stored settings with the ones shown.")
                                .arg(r.error().message()));
            } else {
                // What could be read is shown; only what could not is replaced on saving.
                setSettings(*r);
                QStringList messages;
                for (const Error &e : problems) {
                    messages.append(e.message());
                }
                if (!messages.isEmpty()) {
                    showProblem(tr("%1 Saving replaces what could not be read with what is shown.")
                                    .arg(messages.join(QLatin1Char(' '))));
                }
            }
            m_loaded = true;
            setBusy(false);
            Q_EMIT loaded();
        });
}

QWidget *BackupSettingsDialog::buildSchedule()
{
    auto *box = new QGroupBox(tr("Schedule"), this);
    auto *form = new QFormLayout(box);
    m_scheduleKind = new QComboBox(box);
    m_scheduleKind->setObjectName(QStringLiteral("scheduleKind"));
    m_scheduleKind->addItem(tr("No scheduled backups"), Off);
    m_scheduleKind->addItem(tr("At a fixed interval"), Interval);
    m_scheduleKind->addItem(tr("Every day"), Daily);
    m_scheduleKind->addItem(tr("On chosen days of the week"), Weekly);
    form->addRow(tr("&Back up:"), m_scheduleKind);

    m_intervalRow = new QWidget(box);
    auto *interval = new QHBoxLayout(m_intervalRow);
    interval->setContentsMargins(0, 0, 0, 0);
    m_every = new QSpinBox(m_intervalRow);
    m_every->setObjectName(QStringLiteral("every"));
    m_every->setRange(1, Schedule::MaxIntervalMinutes);
    m_everyUnit = new QComboBox(m_intervalRow);
    m_everyUnit->setObjectName(QStringLiteral("everyUnit"));
    m_everyUnit->addItem(tr("minutes"), Minutes);
    m_everyUnit->addItem(tr("hours"), Hours);
    interval->addWidget(m_every);
    interval->addWidget(m_everyUnit);
    interval->addStretch();
    form->addRow(tr("&Every:"), m_intervalRow);

    m_time = new QTimeEdit(box);
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_timeRow = m_time;
    form->addRow(tr("&At:"), m_time);

    m_daysRow = new QWidget(box);
    auto *days = new QHBoxLayout(m_daysRow);
    days->setContentsMargins(0, 0, 0, 0);
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        auto *day = new QCheckBox(QLocale().dayName(d, QLocale::ShortFormat), m_daysRow);
        day->setObjectName(QStringLiteral("day%1").arg(d));
        m_days.append(day);
        days->addWidget(day);
        connect(day, &QCheckBox::toggled, this, &BackupSettingsDialog::updateScheduleFields);
    }
    days->addStretch();
    form->addRow(tr("On:"), m_daysRow);

    m_scheduleSummary = new QLabel(box);
    m_scheduleSummary->setObjectName(QStringLiteral("scheduleSummary"));
    m_scheduleSummary->setWordWrap(true);
    form->addRow(QString(), m_scheduleSummary);
    auto *note = new QLabel(tr("Scheduled backups run while Rewind runs, also from the system tray with the "
                               "window closed. A missed run is made up once when Rewind starts."),
        box);
    note->setWordWrap(true);
    form->addRow(note);
    // The same setting as File > Start at Login, offered where a schedule is made, which
    // is when it matters.
    m_startAtLogin = new QCheckBox(tr("Start Rewind hidden in the tray when I &log in"), box);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setChecked(Autostart::isEnabled());
    form->addRow(m_startAtLogin);
    // It reads every stored byte of the VM once a week: a user with a slow drive or
    // large VMs may rather run Verify when it suits them.
    m_weeklyCheck = new QCheckBox(tr("&Check the stored backups once a week, when no backup runs"), box);
    m_weeklyCheck->setObjectName(QStringLiteral("weeklyCheck"));
    m_weeklyCheck->setChecked(GuiSettings::weeklyCheck(m_vmUuid));
    form->addRow(m_weeklyCheck);

    connect(
        m_scheduleKind, &QComboBox::currentIndexChanged, this, &BackupSettingsDialog::updateScheduleFields);
    connect(m_every, &QSpinBox::valueChanged, this, &BackupSettingsDialog::updateScheduleFields);
    connect(m_everyUnit, &QComboBox::currentIndexChanged, this, &BackupSettingsDialog::updateScheduleFields);
    connect(m_time, &QTimeEdit::timeChanged, this, &BackupSettingsDialog::updateScheduleFields);
    return box;
}

QWidget *BackupSettingsDialog::buildRetention()
{
    auto *box = new QGroupBox(tr("Retention"), this);
    auto *form = new QFormLayout(box);
    const QStringList labels {tr("Keep the &last:"), tr("Keep &hourly:"), tr("Keep &daily:"),
        tr("Keep &weekly:"), tr("Keep &monthly:"), tr("Keep &yearly:")};
    const QStringList suffixes {
        tr(" points"), tr(" hours"), tr(" days"), tr(" weeks"), tr(" months"), tr(" years")};
    for (int i = 0; i < rules().size(); ++i) {
        auto *spin
            = countBox(box, RetentionPolicy::jsonKey(rules().at(i)), MaxKeep, tr("off"), suffixes.at(i));
        m_keep.append(spin);
        form->addRow(labels.at(i), spin);
    }
    auto *note = new QLabel(tr("Hourly, daily... keep the newest point of each of the last N hours, days... "
                               "that have points. Golden points are always kept. With every rule off, "
                               "every point is kept. After each backup Rewind makes, points no rule keeps "
                               "are removed."),
        box);
    note->setWordWrap(true);
    form->addRow(note);
    return box;
}

QWidget *BackupSettingsDialog::buildChain()
{
    auto *box = new QGroupBox(tr("Incremental points"), this);
    auto *form = new QFormLayout(box);
    m_fullEvery = countBox(
        box, QStringLiteral("fullEvery"), 10000, tr("never: every point is full"), tr(" incremental points"));
    form->addRow(tr("&Full point after:"), m_fullEvery);
    m_fullAfterDays = countBox(box, QStringLiteral("fullAfterDays"), 36500, tr("at once"), tr(" days"));
    form->addRow(tr("Or when the chain is &older than:"), m_fullAfterDays);
    // Without increments there is no chain to age.
    connect(m_fullEvery, &QSpinBox::valueChanged, m_fullAfterDays,
        [this](int n) { m_fullAfterDays->setEnabled(n > 0); });
    return box;
}

VmSettings BackupSettingsDialog::settings() const
{
    VmSettings s = m_original;
    const int minutes = m_every->value() * (m_everyUnit->currentData().toInt() == Hours ? 60 : 1);
    QList<Qt::DayOfWeek> days;
    for (int i = 0; i < m_days.size(); ++i) {
        if (m_days.at(i)->isChecked()) {
            days.append(Qt::DayOfWeek(Qt::Monday + i));
        }
    }
    switch (m_scheduleKind->currentData().toInt()) {
    case Interval:
        s.schedule = Schedule::interval(minutes);
        break;
    case Daily:
        s.schedule = Schedule::daily(m_time->time());
        break;
    case Weekly:
        s.schedule = Schedule::weekly(days, m_time->time());
        break;
    default:
        s.schedule = Schedule::off();
        break;
    }
    s.schedule.setTimeZone(m_original.schedule.timeZone());
    for (int i = 0; i < rules().size(); ++i) {
        s.retention.setCount(rules().at(i), m_keep.at(i)->value());
    }
    s.chain.maxIncrements = m_fullEvery->value();
    if (m_fullAfterDays->value() != ageInDays(m_original.chain.maxChainAgeSeconds)) {
        s.chain.maxChainAgeSeconds = m_fullAfterDays->value() * SecondsPerDay;
    }
    return s;
}

void BackupSettingsDialog::setSettings(const VmSettings &settings)
{
    m_original = settings;
    const Schedule &schedule = settings.schedule;
    const int kind = schedule.kind() == Schedule::Kind::Interval ? Interval
        : schedule.kind() == Schedule::Kind::Daily               ? Daily
        : schedule.kind() == Schedule::Kind::Weekly              ? Weekly
                                                                 : Off;
    m_scheduleKind->setCurrentIndex(m_scheduleKind->findData(kind));
    const int minutes = schedule.kind() == Schedule::Kind::Interval ? schedule.intervalMinutes() : 60;
    const bool hours = minutes % 60 == 0;
    m_everyUnit->setCurrentIndex(m_everyUnit->findData(hours ? Hours : Minutes));
    m_every->setValue(hours ? minutes / 60 : minutes);
    m_time->setTime(schedule.time().isValid() ? schedule.time() : QTime(2, 0));
    for (int i = 0; i < m_days.size(); ++i) {
        m_days.at(i)->setChecked(schedule.runsOn(Qt::DayOfWeek(Qt::Monday + i)));
    }
    for (int i = 0; i < rules().size(); ++i) {
        m_keep.at(i)->setValue(settings.retention.count(rules().at(i)));
    }
    m_fullEvery->setValue(settings.chain.maxIncrements);
    m_fullAfterDays->setEnabled(settings.chain.maxIncrements > 0);
    m_fullAfterDays->setValue(ageInDays(settings.chain.maxChainAgeSeconds));
    updateScheduleFields();
}

void BackupSettingsDialog::updateScheduleFields()
{
    const int kind = m_scheduleKind->currentData().toInt();
    m_intervalRow->setEnabled(kind == Interval);
    m_timeRow->setEnabled(kind == Daily || kind == Weekly);
    m_daysRow->setEnabled(kind == Weekly);
    const Schedule schedule = settings().schedule;
    const Status valid = schedule.validate();
    m_scheduleSummary->setText(valid ? schedule.describe() : valid.error().message());
    if (m_loaded) {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(valid.ok());
    }
}

void BackupSettingsDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    if (isVisible()) {
        DialogSize::fitHeight(this);
    }
}

void BackupSettingsDialog::showEvent(QShowEvent *event)
{
    DialogSize::fitHeight(this);
    QDialog::showEvent(event);
}

void BackupSettingsDialog::setBusy(bool busy)
{
    for (QWidget *w : findChildren<QGroupBox *>()) {
        w->setEnabled(!busy);
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy && settings().schedule.validate().ok());
}

void BackupSettingsDialog::accept()
{
    if (!m_loaded) {
        return;
    }
    const VmSettings chosen = settings();
    if (Status valid = chosen.schedule.validate(); !valid) {
        showProblem(valid.error().message());
        return;
    }
    if (m_startAtLogin->isChecked() != Autostart::isEnabled()) {
        if (Status s
            = Autostart::setEnabled(m_startAtLogin->isChecked(), QCoreApplication::applicationFilePath());
            !s) {
            showProblem(s.error().message());
            return;
        }
    }
    GuiSettings::setWeeklyCheck(m_vmUuid, m_weeklyCheck->isChecked());
    showProblem(QString());
    // Only what the user changed (and what could not be read) is stored: a part left
    // alone keeps what is stored now, also a change another program made while the
    // dialog was open.
    const VmSettings::Parts parts = m_original.differences(chosen) | m_unreadable;
    if (!parts) {
        Q_EMIT saved(m_vmUuid);
        QDialog::accept();
        return;
    }
    setBusy(true);
    const Repository repository = m_repository;
    const QString uuid = m_vmUuid;
    const QString name = m_vmName;
    Async::run(
        QThreadPool::globalInstance(), this,
        [repository, uuid, name, chosen, parts] {
            return VmSettings::save(repository, uuid, name, chosen, parts);
        },
        [this](const Status &s) {
            setBusy(false);
            if (!s) {
                const QString message = s.error().code() == ErrorCode::Busy
                    ? tr("%1 The settings were not saved; save again when the job has ended.")
                          .arg(s.error().message())
                    : s.error().message();
                showProblem(message);
                Q_EMIT saveFailed(message);
                return;
            }
            Q_EMIT saved(m_vmUuid);
            QDialog::accept();
        });
}

} // namespace Rewind
