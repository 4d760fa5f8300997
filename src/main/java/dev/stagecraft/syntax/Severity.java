package dev.stagecraft.syntax;

/** How bad a diagnostic is; follows BuildKit: what makes a build fail is an error, what its checks flag is a warning. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
