package dev.stagecraft.ui;

import dev.stagecraft.context.ContextCopy;
import dev.stagecraft.layout.LayeredLayout;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.GraphNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * What the window shows of an analysis that follows from the analysis alone: the editor's
 * highlighting, where each graph node goes, and which instructions read the build context. It is
 * worked out on the analysis thread, so the FX thread only applies it.
 */
public record PreparedView(StyleSpans<Collection<String>> styles, Map<GraphNode, LayeredLayout.Cell> cells,
                    List<ContextCopy> contextCopies) {

    static PreparedView of(Analysis analysis) {
        return new PreparedView(Highlighting.of(analysis), LayeredLayout.layout(analysis), ContextCopy.of(analysis));
    }
}
