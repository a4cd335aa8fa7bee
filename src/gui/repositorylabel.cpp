#include "repositorylabel.h"

#include "async.h"
#include "displaytext.h"

namespace Rewind {

RepositoryLabel::RepositoryLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("repositoryLabel"));
    updateText();
}

void RepositoryLabel::setRepository(const Repository &repository)
{
    m_repository = repository;
    if (repository.isValid()) {
        m_unavailablePath.clear();
    }
    m_freeBytes = -1;
    updateText();
    refresh();
}

void RepositoryLabel::setUnavailable(const QString &path)
{
    m_unavailablePath = path;
    updateText();
}

void RepositoryLabel::refresh()
{
    if (!m_repository.isValid()) {
        return;
    }
    const QString path = m_repository.path();
    Async::run(
        QThreadPool::globalInstance(), this, [path] { return Repository::freeSpace(path); },
        [this, path](const Result<qint64> &free) {
            if (path != m_repository.path()) {
                return; // another repository was chosen meanwhile
            }
            m_freeBytes = free ? *free : -1;
            updateText();
            Q_EMIT freeBytesRead(m_freeBytes);
        });
}

void RepositoryLabel::updateText()
{
    if (!m_repository.isValid()) {
        setText(m_unavailablePath.isEmpty() ? tr("No repository chosen")
                                            : tr("Repository: %1 (not available)").arg(m_unavailablePath));
        setToolTip({});
        return;
    }
    if (m_freeBytes < 0) {
        setText(tr("Repository: %1").arg(m_repository.path()));
        setToolTip({});
        return;
    }
    setText(tr("Repository: %1 · %2 free").arg(m_repository.path(), DisplayText::size(m_freeBytes)));
    setToolTip(tr("Room left on the file system that holds the repository, read after every job."));
}

} // namespace Rewind
