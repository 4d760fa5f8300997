package dev.stagecraft.stage;

import java.util.ArrayList;
import java.util.List;

/** Strongly connected components of the stage-to-stage edges (iterative, so deep chains can't overflow the stack). */
final class Tarjan {
    private Tarjan() {
    }

    /** Component number per stage. */
    static int[] components(int n, List<StageEdge> edges) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new ArrayList<>(2));
        }
        for (StageEdge e : edges) {
            Integer from = e.fromStage();
            if (from != null) {
                out.get(from).add(e.to());
            }
        }
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        int components = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                List<Integer> next = out.get(v);
                if (callEdge[depth] < next.size()) {
                    int w = next.get(callEdge[depth]++);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = components;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return comp;
    }
}
