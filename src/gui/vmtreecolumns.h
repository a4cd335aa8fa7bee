#pragma once

class QSplitter;
class QTreeView;

namespace Rewind::VmTreeColumns {

/// Gives the VM list's fixed columns (name, state, last and next backup) their widths:
/// a set number of average characters, and at least the width of the column's title in
/// the current language. Fixed, because ResizeToContents would measure every row. A
/// name too long for its column is elided in the middle.
void apply(QTreeView *tree);

/// The width the list needs to show all its columns without a horizontal scroll bar or
/// an elided summary: the fixed columns, the title of the last one or a typical summary
/// in it ("88 points, 888.00 GiB" after the golden star), the frame and a vertical
/// scroll bar.
int neededWidth(const QTreeView *tree);

/// Gives the splitter's first pane the room the tree needs (neededWidth()), at least
/// 49 % and at most 62 % of the splitter, and the rest to the second pane, again whenever
/// the splitter is resized, until the user moves the handle. For a first start, when no
/// layout was saved.
void keepDefaultSplit(QSplitter *splitter, const QTreeView *tree);

} // namespace Rewind::VmTreeColumns
