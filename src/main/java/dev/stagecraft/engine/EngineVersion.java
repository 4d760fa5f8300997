package dev.stagecraft.engine;

import java.util.Optional;

/**
 * A Docker Engine release number as the engine reports it ({@code 20.10.24}, Debian's
 * {@code 20.10.24+dfsg1}, {@code v23.0.1}, {@code 28.0.0-rc.1}), reduced to what feature checks
 * compare: major, minor and patch. Before 23.0 Docker used CalVer (YY.MM), after it SemVer; both
 * order correctly as plain numbers, so one comparison serves all releases.
 */
public record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {

    public EngineVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part in " + major + "." + minor + "." + patch);
        }
    }

    public static EngineVersion of(int major, int minor) {
        return new EngineVersion(major, minor, 0);
    }

    /**
     * The version at the start of {@code text}, or empty when it does not start with a number
     * ({@code dev}, {@code master}, blank, null). A missing minor or patch counts as 0; anything
     * after the numbers (a {@code +dfsg1} or {@code -rc.1} suffix) is ignored.
     */
    public static Optional<EngineVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        int[] parts = new int[3];
        int at = 0;
        for (int part = 0; part < 3; part++) {
            int start = at;
            long value = 0;
            while (at < s.length() && at - start < 9 && Character.isDigit(s.charAt(at)) && s.charAt(at) < 128) {
                value = value * 10 + (s.charAt(at) - '0');
                at++;
            }
            if (at == start) {
                if (part == 0) {
                    return Optional.empty();
                }
                break;
            }
            parts[part] = (int) value;
            if (part < 2 && at + 1 < s.length() && s.charAt(at) == '.' && Character.isDigit(s.charAt(at + 1))) {
                at++;
            } else {
                break;
            }
        }
        return Optional.of(new EngineVersion(parts[0], parts[1], parts[2]));
    }

    public boolean isAtLeast(EngineVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(EngineVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    /** {@code 23.0}: how release notes name a release line. */
    public String majorMinor() {
        return major + "." + minor;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
