package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import dev.stagecraft.engine.build.BuildReport;
import java.util.List;

/**
 * What the details view shows for one edge: which kind it is and what it joins, the instruction
 * that made it (line and text), its sources and destination as written, and for an edge from the
 * build context the files it carries ({@code files}, null when unknown) or why they are unknown
 * ({@code note}); for a COPY --from edge after a build, the files that really landed ({@code landed},
 * null before a build).
 */
record EdgeDetails(String kind, String from, String to, int line, String instruction, List<String> sources,
        String destination, CarriedFiles files, String note, BuildReport.EdgeReport landed) {

    EdgeDetails {
        sources = List.copyOf(sources);
    }

    /** Details without build results. */
    EdgeDetails(String kind, String from, String to, int line, String instruction, List<String> sources,
            String destination, CarriedFiles files, String note) {
        this(kind, from, to, line, instruction, sources, destination, files, note, null);
    }
}
