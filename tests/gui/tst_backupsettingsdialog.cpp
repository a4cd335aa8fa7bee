// Tests BackupSettingsDialog against a real repository folder: it shows what vm.json
// holds, stores what the form says, keeps what the form cannot show exactly, refuses a
// schedule that would never run, and stays open with a clear message when a job holds
// the VM's lock.

#include "autostart.h"
#include "backupsettingsdialog.h"
#include "guisettings.h"
#include "guitestdata.h"
#include "repository/repositorylock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTranslator>

using namespace Rewind;

namespace {
const QString Uuid = QStringLiteral("5d1c0f6e-8a2b-4c4d-9e3f-7a6b5c4d3e2f");
const QString Name = QStringLiteral("db");
} // namespace

class TestBackupSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Repository m_repo;
    int m_count = 0;

    std::unique_ptr<BackupSettingsDialog> openDialog()
    {
        auto dialog = std::make_unique<BackupSettingsDialog>(m_repo, Uuid, Name);
        dialog->show();
        if (!QTest::qWaitFor([&] { return dialog->isLoaded(); }, 10000)) {
            return nullptr;
        }
        return dialog;
    }

    template<typename T>
    static T *child(QWidget *dialog, const QString &name)
    {
        return dialog->findChild<T *>(name);
    }

    static QPushButton *saveButton(QWidget *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }

    static void choose(QComboBox *combo, const QString &text)
    {
        const int i = combo->findText(text);
        QVERIFY2(i >= 0, qPrintable(text));
        combo->setCurrentIndex(i);
    }

private Q_SLOTS:
    void initTestCase() { GuiTestData::initApplication(); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        auto repo = Repository::open(
            m_dir.path() + QStringLiteral("/repo%1").arg(++m_count), Repository::OpenMode::CreateIfMissing);
        QVERIFY(repo.ok());
        m_repo = *repo;
    }

    void showsTheDefaultsForANewVm()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->settings(), VmSettings());
        QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("scheduleKind"))->currentText(),
            QStringLiteral("No scheduled backups"));
        QVERIFY(!child<QSpinBox>(dialog.get(), QStringLiteral("every"))->isEnabled());
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("fullEvery"))->value(), 24);
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("fullAfterDays"))->value(), 7);
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("keepDaily"))->text(), QStringLiteral("off"));
        QVERIFY(saveButton(dialog.get())->isEnabled());
    }

    // The German notes wrap into more lines than the English ones; none may be cut off.
    void notesFitInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/rewind_de.qm")));
        QCoreApplication::installTranslator(&german);
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        auto dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
        int wrapped = 0;
        for (const QLabel *label : labels) {
            if (!label->isVisible() || !label->wordWrap()) {
                continue;
            }
            ++wrapped;
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        }
        QVERIFY(wrapped >= 2);
        // Check boxes do not wrap: the dialog must be wide enough for the longest.
        for (const QCheckBox *box : dialog->findChildren<QCheckBox *>()) {
            if (box->isVisible()) {
                QVERIFY2(box->width() >= box->sizeHint().width(), qPrintable(box->text()));
            }
        }
    }

    void savesWhatTheFormSays()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        choose(child<QComboBox>(dialog.get(), QStringLiteral("scheduleKind")),
            QStringLiteral("On chosen days of the week"));
        child<QCheckBox>(dialog.get(), QStringLiteral("day1"))->setChecked(true);
        child<QCheckBox>(dialog.get(), QStringLiteral("day4"))->setChecked(true);
        child<QTimeEdit>(dialog.get(), QStringLiteral("time"))->setTime(QTime(22, 15));
        QVERIFY2(child<QLabel>(dialog.get(), QStringLiteral("scheduleSummary"))
                     ->text()
                     .contains(QLatin1String("22:15")),
            qPrintable(child<QLabel>(dialog.get(), QStringLiteral("scheduleSummary"))->text()));
        child<QSpinBox>(dialog.get(), QStringLiteral("keepLast"))->setValue(3);
        child<QSpinBox>(dialog.get(), QStringLiteral("keepDaily"))->setValue(7);
        child<QSpinBox>(dialog.get(), QStringLiteral("keepMonthly"))->setValue(6);
        child<QSpinBox>(dialog.get(), QStringLiteral("fullEvery"))->setValue(12);
        child<QSpinBox>(dialog.get(), QStringLiteral("fullAfterDays"))->setValue(2);

        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toString(), Uuid);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        VmSettings expected;
        expected.schedule = Schedule::weekly({Qt::Monday, Qt::Thursday}, QTime(22, 15));
        expected.retention.keepLast = 3;
        expected.retention.keepDaily = 7;
        expected.retention.keepMonthly = 6;
        expected.chain.maxIncrements = 12;
        expected.chain.maxChainAgeSeconds = 2 * 24 * 3600;
        const auto stored = VmSettings::load(m_repo, Uuid);
        QVERIFY(stored.ok());
        QVERIFY(*stored == expected);
        QCOMPARE(m_repo.loadVm(Uuid)->currentName(), Name);
    }

    void showsWhatIsStored()
    {
        VmSettings stored;
        stored.schedule = Schedule::interval(180);
        stored.retention.keepHourly = 24;
        stored.chain.maxIncrements = 0;
        // Not whole days: shown rounded up, kept as it is unless changed.
        stored.chain.maxChainAgeSeconds = 36 * 3600;
        QVERIFY(VmSettings::save(m_repo, Uuid, Name, stored).ok());

        auto dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("scheduleKind"))->currentText(),
            QStringLiteral("At a fixed interval"));
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("every"))->value(), 3);
        QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("everyUnit"))->currentText(),
            QStringLiteral("hours"));
        QVERIFY(!child<QTimeEdit>(dialog.get(), QStringLiteral("time"))->isEnabled());
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("keepHourly"))->value(), 24);
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("fullEvery"))->text(),
            QStringLiteral("never: every point is full"));
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("fullAfterDays"))->value(), 2);
        QVERIFY(!child<QSpinBox>(dialog.get(), QStringLiteral("fullAfterDays"))->isEnabled());
        QVERIFY(dialog->settings() == stored);

        child<QSpinBox>(dialog.get(), QStringLiteral("every"))->setValue(45);
        choose(child<QComboBox>(dialog.get(), QStringLiteral("everyUnit")), QStringLiteral("minutes"));
        QCOMPARE(dialog->settings().schedule, Schedule::interval(45));
        QCOMPARE(dialog->settings().chain.maxChainAgeSeconds, 36 * 3600);
    }

    // The dialog offers Start at Login where a schedule is made, and saving applies it.
    void startAtLoginIsOffered()
    {
        QFile::remove(Autostart::entryPath()); // in the test's own folders (GuiTestData)
        auto dialog = openDialog();
        QVERIFY(dialog);
        auto *box = child<QCheckBox>(dialog.get(), QStringLiteral("startAtLogin"));
        QVERIFY(!box->isChecked());
        box->setChecked(true);
        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        // Nothing else changed: saved at once, without a write to the repository.
        QVERIFY(!saved.isEmpty() || saved.wait(10000));
        QVERIFY(Autostart::isEnabled());

        dialog = openDialog();
        QVERIFY(dialog);
        box = child<QCheckBox>(dialog.get(), QStringLiteral("startAtLogin"));
        QVERIFY(box->isChecked());
        box->setChecked(false);
        QSignalSpy savedAgain(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(!savedAgain.isEmpty() || savedAgain.wait(10000));
        QVERIFY(!QFileInfo::exists(Autostart::entryPath()));
    }

    // The weekly check of stored points is on, with or without a schedule (a VM backed
    // up by hand is checked too), and can be turned off.
    void weeklyCheckCanBeTurnedOff()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        auto *box = child<QCheckBox>(dialog.get(), QStringLiteral("weeklyCheck"));
        auto *kind = child<QComboBox>(dialog.get(), QStringLiteral("scheduleKind"));
        QVERIFY(box->isChecked());
        choose(kind, QStringLiteral("No scheduled backups"));
        QVERIFY(box->isEnabled());
        choose(kind, QStringLiteral("Every day"));
        QVERIFY(box->isEnabled());
        box->setChecked(false);
        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(!saved.isEmpty() || saved.wait(10000));
        QVERIFY(!GuiSettings::weeklyCheck(Uuid));

        dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(!child<QCheckBox>(dialog.get(), QStringLiteral("weeklyCheck"))->isChecked());
        GuiSettings::setWeeklyCheck(Uuid, true);
    }

    void aWeekWithoutDaysIsRefused()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        choose(child<QComboBox>(dialog.get(), QStringLiteral("scheduleKind")),
            QStringLiteral("On chosen days of the week"));
        QVERIFY(!saveButton(dialog.get())->isEnabled());
        const QString summary = child<QLabel>(dialog.get(), QStringLiteral("scheduleSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("day")), qPrintable(summary));
        dialog->accept(); // as Enter would
        QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("problem"))->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QTest::qWait(100);
        QCOMPARE(m_repo.loadVm(Uuid).error().code(), ErrorCode::NotFound);
        child<QCheckBox>(dialog.get(), QStringLiteral("day7"))->setChecked(true);
        QVERIFY(saveButton(dialog.get())->isEnabled());
    }

    void busyVmKeepsTheDialogOpen()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        auto lock = RepositoryLock::acquire(m_repo, Uuid, Name, QStringLiteral("backup"));
        QVERIFY(lock.ok());
        child<QSpinBox>(dialog.get(), QStringLiteral("keepLast"))->setValue(2);
        QSignalSpy failed(dialog.get(), &BackupSettingsDialog::saveFailed);
        saveButton(dialog.get())->click();
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QLatin1String("save again")), qPrintable(message));
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("problem"))->text() == message);
        QCOMPARE(m_repo.loadVm(Uuid).error().code(), ErrorCode::NotFound);

        // Once the job has ended, saving again works.
        lock = Result<RepositoryLock>(Error(ErrorCode::Failed, QString()));
        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(saved.wait(10000));
        QCOMPARE(VmSettings::load(m_repo, Uuid)->retention.keepLast, 2);
    }

    // The dialog stores what the user changed; a part left alone keeps what another
    // program (`rewindctl policy`) stored while the dialog was open.
    void keepsWhatAnotherProgramChanged()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(VmSettings::update(m_repo, Uuid, Name, QStringLiteral("policy"), [](VmRecord &vm) {
            RetentionPolicy p;
            p.keepWeekly = 4;
            vm.retention = p.toJson();
            ChainPolicy c;
            c.maxIncrements = 3;
            vm.chain = c.toJson();
            return Status();
        }).ok());
        child<QSpinBox>(dialog.get(), QStringLiteral("fullEvery"))->setValue(9);

        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(saved.wait(10000));
        const auto stored = VmSettings::load(m_repo, Uuid);
        QVERIFY(stored.ok());
        QCOMPARE(stored->chain.maxIncrements, 9);
        QCOMPARE(stored->retention.keepWeekly, 4);
        QCOMPARE(stored->schedule, Schedule::off());
    }

    // A part that cannot be read is reported and shown with its defaults; the parts that
    // can be read are shown as stored, so saving does not lose them.
    void unreadableSettingsAreReported()
    {
        VmRecord record {Uuid, {}, {}, {}, {}, {}};
        record.schedule = QJsonObject {{QStringLiteral("kind"), QStringLiteral("fortnightly")}};
        RetentionPolicy retention;
        retention.keepDaily = 7;
        record.retention = retention.toJson();
        QVERIFY(m_repo.saveVm(record).ok());
        auto dialog = openDialog();
        QVERIFY(dialog);
        const QString problem = child<QLabel>(dialog.get(), QStringLiteral("problem"))->text();
        QVERIFY2(problem.contains(QLatin1String("schedule")) && problem.contains(QLatin1String("replaces")),
            qPrintable(problem));
        QVERIFY2(!problem.contains(QLatin1String("retention")), qPrintable(problem));
        VmSettings expected;
        expected.retention = retention;
        QCOMPARE(dialog->settings(), expected);
        QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("keepDaily"))->value(), 7);

        QSignalSpy saved(dialog.get(), &BackupSettingsDialog::saved);
        saveButton(dialog.get())->click();
        QVERIFY(saved.wait(10000));
        // The unreadable schedule is replaced with what was shown.
        const auto stored = VmSettings::load(m_repo, Uuid);
        QVERIFY(stored.ok());
        QCOMPARE(stored->retention.keepDaily, 7);
        QCOMPARE(stored->schedule, Schedule::off());
    }
};

QTEST_MAIN(TestBackupSettingsDialog)
#include "tst_backupsettingsdialog.moc"
