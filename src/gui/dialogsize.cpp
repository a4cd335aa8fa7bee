#include "dialogsize.h"

#include <QLayout>
#include <QWidget>

namespace Rewind::DialogSize {

void fitHeight(QWidget *dialog)
{
    if (!dialog->layout()) {
        return;
    }
    dialog->layout()->activate();
    const int needed = dialog->heightForWidth(dialog->width());
    if (needed > 0) {
        dialog->setMinimumHeight(needed);
        if (dialog->height() < needed) {
            dialog->resize(dialog->width(), needed);
        }
    }
}

} // namespace Rewind::DialogSize
