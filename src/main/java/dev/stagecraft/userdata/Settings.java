package dev.stagecraft.userdata;

import dev.stagecraft.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * A few typed values remembered between runs, in {@code settings.properties} in the data folder.
 *
 * <p>A properties file rather than {@link java.util.prefs.Preferences}: preferences live in the
 * registry on Windows and in {@code ~/.java} on Linux, outside the data folder that
 * {@code -Dstagecraft.home} moves (so tests could not isolate them), and they flush on a timer of
 * their own. One small file, replaced atomically by {@link #save()}, can be read, deleted and
 * isolated. A broken file is ignored (settings are a convenience, never a reason not to start).
 * Thread-safe: every method locks the store.
 */
public final class Settings {
    private static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** The settings in {@code folder}; empty when there are none yet or they cannot be read. */
    public static Settings load(Path folder) {
        Settings settings = new Settings(folder.resolve(FILE_NAME));
        try (InputStream in = Files.newInputStream(settings.file)) {
            settings.values.load(in);
        } catch (NoSuchFileException e) {
            // First run.
        } catch (IOException | IllegalArgumentException e) {
            settings.values.clear();
        }
        return settings;
    }

    /** Settings that live only as long as the program (a window that remembers nothing). */
    public static Settings inMemory() {
        return new Settings(null);
    }

    /** Writes the file atomically; a no-op for in-memory settings. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (this) {
            values.store(bytes, "Stagecraft settings");
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public synchronized Optional<String> string(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized void putString(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public synchronized OptionalDouble number(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public synchronized void putNumber(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    public synchronized boolean flag(String key, boolean otherwise) {
        String value = values.getProperty(key);
        return value == null ? otherwise : Boolean.parseBoolean(value);
    }

    public synchronized void putFlag(String key, boolean value) {
        values.setProperty(key, Boolean.toString(value));
    }

    /** A list stored as {@code key.0}, {@code key.1}, ... in order. */
    public synchronized List<String> list(String key) {
        List<String> list = new ArrayList<>();
        for (int i = 0; values.getProperty(key + "." + i) != null; i++) {
            list.add(values.getProperty(key + "." + i));
        }
        return list;
    }

    public synchronized void putList(String key, List<String> list) {
        for (int i = 0; values.remove(key + "." + i) != null; i++) {
            // Drops the old entries, however many there were.
        }
        for (int i = 0; i < list.size(); i++) {
            values.setProperty(key + "." + i, list.get(i));
        }
    }
}
