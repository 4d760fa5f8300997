package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the value of {@code --mount} as BuildKit does: one CSV record (double quotes protect commas)
 * of {@code key=value} fields, keys in any case, type bind unless said otherwise.
 */
final class MountParser {
    private static final Set<String> KEYS = Set.of("type", "from", "source", "src", "target", "dst", "destination",
            "readonly", "ro", "readwrite", "rw", "id", "sharing", "required", "size", "mode", "uid", "gid", "env");

    private MountParser() {
    }

    /** A field of the CSV record: its text and where it is in the flag value. */
    /** A CSV field: its text, and where each character is in the flag value ({@code positions} null: from {@code start} on). */
    private record Field(String text, int start, int[] positions) {
    }

    static Mount parse(Flag flag, List<Diagnostic> out) {
        String value = flag.value();
        List<Field> fields = csv(value);
        if (fields == null) {
            out.add(Diagnostic.error("invalid-mount", "--mount is not a valid CSV record (a bare '\"' inside a field?): "
                    + value, flag.valueRange()));
            return null;
        }
        MountType type = MountType.BIND;
        List<MountOption> options = new ArrayList<>(fields.size());
        for (Field f : fields) {
            String text = f.text();
            int eq = text.indexOf('=');
            String key = lowerCase(eq < 0 ? text : text.substring(0, eq));
            if (text.isEmpty()) {
                continue;
            }
            MountOption option = new MountOption(key, eq < 0 ? null : text.substring(eq + 1), flag, f.start(), f.positions(),
                    text.length());
            if (!KEYS.contains(key)) {
                out.add(Diagnostic.error("invalid-mount", "Unexpected key '" + key + "' in --mount field '" + text
                        + "'; keys are type, from, source, target, id, sharing, readonly, mode, uid, gid, required, size, env",
                        option.range()));
                continue;
            }
            String v = option.value();
            if (v == null && !Set.of("readonly", "ro", "readwrite", "rw", "required").contains(key)) {
                out.add(Diagnostic.error("invalid-mount", "Field '" + key + "' of --mount needs a value: " + key + "=...",
                        option.range()));
                continue;
            }
            if (key.equals("type")) {
                MountType t = MountType.of(v);
                if (t == null) {
                    out.add(Diagnostic.error("invalid-mount", "Unsupported mount type '" + v
                            + "': use bind, cache, tmpfs, secret or ssh", option.valueRange()));
                    continue;
                }
                type = t;
            } else if (key.equals("sharing") && v.indexOf('$') < 0
                    && !Set.of("shared", "private", "locked").contains(v.toLowerCase(Locale.ROOT))) {
                out.add(Diagnostic.error("invalid-mount", "Unsupported sharing value '" + v
                        + "': use shared, private or locked", option.valueRange()));
            } else if (key.equals("sharing") && type != MountType.CACHE) {
                out.add(Diagnostic.error("invalid-mount", "sharing= only applies to cache mounts", option.range()));
            } else if (key.equals("required") && type != MountType.SECRET && type != MountType.SSH) {
                out.add(Diagnostic.error("invalid-mount", "required= only applies to secret and ssh mounts", option.range()));
            }
            options.add(option);
        }
        Mount mount = new Mount(flag, type, options);
        if (mount.target() == null && (type == MountType.BIND || type == MountType.CACHE || type == MountType.TMPFS)) {
            out.add(Diagnostic.error("invalid-mount", "A " + type.label()
                    + " mount needs a target: add target=/path", flag.range()));
        }
        if (type == MountType.SECRET && mount.from() != null) {
            out.add(Diagnostic.error("invalid-mount", "A secret mount can't have from=", mount.from().range()));
        }
        return mount;
    }

    /** Lower case without a copy when the key already is (it nearly always is). */
    private static String lowerCase(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return key.toLowerCase(Locale.ROOT);
            }
        }
        return key;
    }

    /** Go's encoding/csv reading one record with default settings; null on a bare quote. */
    private static List<Field> csv(String s) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            StringBuilder text = new StringBuilder();
            int[] positions = null;
            int count = 0;
            if (i < n && s.charAt(i) == '"') {
                positions = new int[16];
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (count == positions.length) {
                            positions = java.util.Arrays.copyOf(positions, count * 2);
                        }
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            text.append('"');
                            positions[count++] = i;
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (count == positions.length) {
                        positions = java.util.Arrays.copyOf(positions, count * 2);
                    }
                    text.append(c);
                    positions[count++] = i;
                    i++;
                }
                if (i < n && s.charAt(i) != ',') {
                    return null;
                }
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ',') {
                    if (s.charAt(i) == '"') {
                        return null;
                    }
                    i++;
                }
                text.append(s, start, i);
                fields.add(new Field(text.toString(), start, null));
                if (i >= n) {
                    return fields;
                }
                i++;
                continue;
            }
            fields.add(new Field(text.toString(), -1, java.util.Arrays.copyOf(positions, count)));
            if (i >= n) {
                return fields;
            }
            i++;
        }
    }
}
