package dev.stagecraft.context;

/** A regular file of the build context: its path relative to the context ('/'-separated) and its size in bytes. */
public record ContextFile(String path, long size) {
}
