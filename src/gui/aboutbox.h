#pragma once

class QMessageBox;
class QWidget;

namespace Rewind::AboutBox {

/// Opens Help > About Rewind (window-modal, deleted on close): what Rewind is, the
/// versions of Rewind, Qt and libvirt that a bug report needs, and its licence.
QMessageBox *open(QWidget *parent);

} // namespace Rewind::AboutBox
