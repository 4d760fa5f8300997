package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import java.util.List;

/**
 * What the details view shows for one edge: which kind it is and what it joins, the instruction
 * that made it (line and text), its sources and destination as written, and for an edge from the
 * build context the files it carries ({@code files}, null when unknown) or why they are unknown
 * ({@code note}).
 */
record EdgeDetails(String kind, String from, String to, int line, String instruction, List<String> sources,
        String destination, CarriedFiles files, String note) {

    EdgeDetails {
        sources = List.copyOf(sources);
    }
}
