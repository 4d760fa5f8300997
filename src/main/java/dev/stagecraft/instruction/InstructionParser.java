package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Chars;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.FlagWords;
import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.JsonArray;
import dev.stagecraft.syntax.ParseResult;
import dev.stagecraft.syntax.RawWords;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gives each node its meaning: the instruction kind, typed flags and arguments, as BuildKit's
 * instructions package does. Whatever a user can type yields an instruction or a diagnostic.
 */
public final class InstructionParser {
    private final ParseResult parse;
    private final char escape;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private InstructionParser(ParseResult parse) {
        this.parse = parse;
        this.escape = parse.escape();
    }

    /** The instructions of a parse, in file order (unknown instructions are left out, with a diagnostic). */
    public static Instructions parse(ParseResult parse) {
        InstructionParser p = new InstructionParser(parse);
        List<Instruction> out = new ArrayList<>(parse.nodes().size());
        for (InstructionNode node : parse.nodes()) {
            Instruction i = p.instruction(node, 0, node.keywordEnd(), false);
            if (i != null) {
                out.add(i);
            }
        }
        return new Instructions(out, p.diagnostics);
    }

    private Instruction instruction(InstructionNode node, int kwStart, int kwEnd, boolean trigger) {
        String text = node.text();
        InstructionKind kind = InstructionKind.of(text, kwStart, kwEnd);
        if (kind == null) {
            String keyword = text.substring(kwStart, kwEnd);
            diagnostics.add(Diagnostic.error("unknown-instruction",
                    "Unknown instruction: " + keyword.toUpperCase(Locale.ROOT), node.range(kwStart, kwEnd)));
            return null;
        }
        if (kind == InstructionKind.ONBUILD) {
            return onbuild(node, kwStart, kwEnd, trigger);
        }
        FlagWords scanned = FlagWords.scan(text, kwEnd);
        List<Flag> flags = flags(node, kind, scanned);
        InstructionSource source = new InstructionSource(node, kind, kwStart, kwEnd, flags);
        int rest = scanned.restStart();
        int end = trimEnd(text, rest, text.length());
        switch (kind) {
            case FROM: return from(source, rest, end);
            case RUN: return run(source, rest, end);
            case CMD: return new CmdInstruction(source, command(source, rest, end));
            case ENTRYPOINT: return new EntrypointInstruction(source, command(source, rest, end));
            case SHELL: return shell(source, rest, end);
            case LABEL: return new LabelInstruction(source, nameValues(source, rest, end, false));
            case ENV: return new EnvInstruction(source, nameValues(source, rest, end, false));
            case ARG: return new ArgInstruction(source, nameValues(source, rest, end, true));
            case MAINTAINER: return new MaintainerInstruction(source, wholeRest(source, rest, end));
            case EXPOSE: return new ExposeInstruction(source, list(source, rest, end, 1));
            case VOLUME: return new VolumeInstruction(source,
                    jsonOrWords(source, JsonArray.parse(text, rest, end), rest, end, 1));
            case USER: return new UserInstruction(source, single(source, rest, end));
            case WORKDIR: return new WorkdirInstruction(source, single(source, rest, end));
            case STOPSIGNAL: return new StopsignalInstruction(source, single(source, rest, end));
            case COPY:
            case ADD: return transfer(source, rest, end);
            case HEALTHCHECK: return healthcheck(source, rest, end);
            default: throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    /** Index of c in text[from, to), or -1: bounded, so long lines stay linear. */
    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Chars.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private Instruction onbuild(InstructionNode node, int kwStart, int kwEnd, boolean trigger) {
        String text = node.text();
        int w = Chars.skipSpaces(text, kwEnd);
        int we = Chars.wordEnd(text, w);
        InstructionSource source = new InstructionSource(node, InstructionKind.ONBUILD, kwStart, kwEnd, List.of());
        if (w == we) {
            diagnostics.add(Diagnostic.error("missing-arguments", "ONBUILD requires an instruction to run later",
                    source.keywordRange()));
            return new OnbuildInstruction(source, null);
        }
        InstructionKind inner = InstructionKind.of(text, w, we);
        if (inner == InstructionKind.ONBUILD || inner == InstructionKind.FROM || inner == InstructionKind.MAINTAINER) {
            String message = inner == InstructionKind.ONBUILD ? "Chaining ONBUILD via 'ONBUILD ONBUILD' isn't allowed"
                    : inner + " isn't allowed as an ONBUILD trigger";
            diagnostics.add(Diagnostic.error("invalid-onbuild-trigger", message, node.range(w, we)));
            return new OnbuildInstruction(source, null);
        }
        return new OnbuildInstruction(source, instruction(node, w, we, true));
    }

    private List<Flag> flags(InstructionNode node, InstructionKind kind, FlagWords scanned) {
        if (scanned.words().isEmpty()) {
            return List.of();
        }
        List<Flag> flags = new ArrayList<>(scanned.words().size());
        for (FlagWords.Word word : scanned.words()) {
            String text = word.text();
            int eq = text.indexOf('=');
            String name = eq < 0 ? text.substring(2) : text.substring(2, eq);
            String value = eq < 0 ? null : text.substring(eq + 1);
            Flag flag = new Flag(name, value, node, word);
            InstructionKind.FlagType type = kind.flagType(name);
            if (type == null) {
                SourceRange range = flag.range();
                diagnostics.add(Diagnostic.error("unknown-flag", "Unknown flag --" + name + " on " + kind
                        + (kind.flagNames().isEmpty() ? ", which takes no flags" : "; it takes --"
                        + String.join(", --", new java.util.TreeSet<>(kind.flagNames()))), range));
                continue;
            }
            if (type != InstructionKind.FlagType.REPEATED) {
                boolean duplicate = false;
                for (Flag f : flags) {
                    duplicate |= f.name().equals(name);
                }
                if (duplicate) {
                    diagnostics.add(Diagnostic.error("duplicate-flag", "Duplicate flag specified: --" + name, flag.range()));
                    continue;
                }
            }
            if (type == InstructionKind.FlagType.BOOLEAN) {
                if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    diagnostics.add(Diagnostic.error("invalid-flag-value",
                            "Expecting a boolean value for flag --" + name + ", not: " + value, flag.valueRange()));
                    continue;
                }
            } else if (value == null) {
                diagnostics.add(Diagnostic.error("missing-flag-value",
                        "Missing a value on flag --" + name + ": write --" + name + "=VALUE", flag.range()));
                continue;
            }
            FlagValues.check(kind, flag, diagnostics);
            flags.add(flag);
        }
        return flags;
    }

    private Word word(InstructionSource source, int start, int end) {
        InstructionNode node = source.node();
        return Word.of(node, start, end);
    }

    private Instruction from(InstructionSource source, int rest, int end) {
        RawWords words = RawWords.splitOnBlanks(source.node().text(), rest, end);
        int n = words.count();
        if (n == 0) {
            diagnostics.add(Diagnostic.error("invalid-from-syntax",
                    "FROM requires either one or three arguments: FROM image [AS name]", source.keywordRange()));
            return new FromInstruction(source, null, null, null);
        }
        Word image = word(source, words.start(0), words.end(0));
        if (n == 1) {
            return new FromInstruction(source, image, null, null);
        }
        Word second = word(source, words.start(1), words.end(1));
        boolean as = second.text().equalsIgnoreCase("as");
        if (n == 3 && as) {
            return new FromInstruction(source, image, second, word(source, words.start(2), words.end(2)));
        }
        Word culprit = n >= 4 && as ? word(source, words.start(3), words.end(3)) : second;
        String message = !as ? "FROM requires either one or three arguments: '" + second.text()
                + "' is neither AS nor part of the image (FROM image [AS name])"
                : n == 2 ? "AS needs a stage name after it" : "FROM requires either one or three arguments: '"
                + culprit.text() + "' is one too many";
        diagnostics.add(Diagnostic.error("invalid-from-syntax", message, culprit.range()));
        return new FromInstruction(source, image, null, null);
    }

    private CommandLine command(InstructionSource source, int rest, int end) {
        InstructionNode node = source.node();
        JsonArray json = JsonArray.parse(node.text(), rest, end);
        if (json.status() != JsonArray.Status.NOT_JSON) {
            return new CommandLine(true, jsonWords(node, json, rest, end), node, rest, end);
        }
        if (rest >= end) {
            return new CommandLine(false, List.of(), node, rest, rest);
        }
        return new CommandLine(false, List.of(word(source, rest, end)), node, rest, end);
    }

    /** The elements of an exec-form array as words; an array holding anything but strings is an error. */
    private List<Word> jsonWords(InstructionNode node, JsonArray json, int rest, int end) {
        if (json.status() == JsonArray.Status.NOT_STRINGS) {
            diagnostics.add(Diagnostic.error("json-not-string-array",
                    "When using the JSON array form, the array must hold strings only", node.range(rest, end)));
            return List.of();
        }
        List<Word> words = new ArrayList<>(json.elements().size());
        for (JsonArray.Element e : json.elements()) {
            words.add(new Word(node, e.start(), e.end(), e.value()));
        }
        return words;
    }

    private Instruction run(InstructionSource source, int rest, int end) {
        CommandLine command = command(source, rest, end);
        if (command.args().isEmpty() && !command.json()) {
            diagnostics.add(Diagnostic.error("missing-arguments", "RUN requires a command", source.keywordRange()));
        }
        List<Mount> mounts = new ArrayList<>();
        for (Flag f : source.flags("mount")) {
            Mount m = MountParser.parse(f, diagnostics);
            if (m != null) {
                mounts.add(m);
            }
        }
        Flag network = source.flag("network");
        Flag security = source.flag("security");
        return new RunInstruction(source, command, mounts, network == null ? null : network.value(),
                security == null ? null : security.value());
    }

    private Instruction shell(InstructionSource source, int rest, int end) {
        CommandLine command = command(source, rest, end);
        if (!command.json() || command.args().isEmpty()) {
            diagnostics.add(Diagnostic.error("shell-requires-json",
                    "SHELL requires the arguments in JSON form, for example SHELL [\"/bin/sh\", \"-c\"]",
                    command.args().isEmpty() && !command.json() ? source.keywordRange() : command.range()));
        }
        return new ShellInstruction(source, command);
    }

    /** ENV, LABEL ({@code k=v ...} or legacy {@code k v}) and ARG ({@code k[=v] ...}). */
    private List<KeyValue> nameValues(InstructionSource source, int rest, int end, boolean arg) {
        InstructionNode node = source.node();
        String text = node.text();
        RawWords words = RawWords.split(text, rest, end, escape);
        String kw = source.kind().keyword();
        if (words.count() == 0) {
            diagnostics.add(Diagnostic.error("missing-arguments", kw + " requires at least one argument",
                    source.keywordRange()));
            return List.of();
        }
        boolean legacy = !arg && indexOf(text, '=', words.start(0), words.end(0)) < 0;
        List<KeyValue> pairs = new ArrayList<>(words.count());
        if (legacy) {
            Word key = word(source, words.start(0), words.end(0));
            if (words.count() == 1) {
                diagnostics.add(Diagnostic.error("missing-arguments", kw + " " + key.text()
                        + " needs a value: write " + key.text() + "=value", key.range()));
                return List.of();
            }
            int vs = words.start(1);
            Word value = word(source, vs, end);
            pairs.add(new KeyValue(key, value));
            diagnostics.add(Diagnostic.warning("legacy-key-value-format", "'" + kw + " key value' should be written '"
                    + kw + " key=value'", source.keywordRange()));
            return pairs;
        }
        for (int w = 0; w < words.count(); w++) {
            int s = words.start(w);
            int e = words.end(w);
            int eq = indexOf(text, '=', s, e);
            if (eq < 0) {
                if (arg) {
                    pairs.add(new KeyValue(word(source, s, e), null));
                } else {
                    diagnostics.add(Diagnostic.error("invalid-key-value", kw + " expects key=value pairs: '"
                            + text.substring(s, e) + "' has no '='", node.range(s, e)));
                }
                continue;
            }
            if (eq == s) {
                diagnostics.add(Diagnostic.error("invalid-key-value", kw + " names can't be empty: '"
                        + text.substring(s, e) + "'", node.range(s, e)));
                continue;
            }
            pairs.add(new KeyValue(word(source, s, eq), word(source, eq + 1, e)));
        }
        return pairs;
    }

    private Word wholeRest(InstructionSource source, int rest, int end) {
        if (rest >= end) {
            diagnostics.add(Diagnostic.error("missing-arguments", source.kind() + " requires an argument",
                    source.keywordRange()));
            return null;
        }
        return word(source, rest, end);
    }

    private List<Word> list(InstructionSource source, int rest, int end, int min) {
        RawWords words = RawWords.split(source.node().text(), rest, end, escape);
        List<Word> out = new ArrayList<>(words.count());
        for (int w = 0; w < words.count(); w++) {
            out.add(word(source, words.start(w), words.end(w)));
        }
        if (out.size() < min) {
            diagnostics.add(Diagnostic.error("missing-arguments", source.kind() + " requires at least one argument",
                    source.keywordRange()));
        }
        return out;
    }

    /** VOLUME, COPY and ADD arguments: an exec-form array, or blank-separated words (quotes are not special). */
    private List<Word> jsonOrWords(InstructionSource source, JsonArray json, int rest, int end, int min) {
        InstructionNode node = source.node();
        List<Word> out;
        if (json.status() != JsonArray.Status.NOT_JSON) {
            out = jsonWords(node, json, rest, end);
            if (json.status() == JsonArray.Status.NOT_STRINGS) {
                return out;
            }
        } else {
            RawWords words = RawWords.splitOnBlanks(node.text(), rest, end);
            out = new ArrayList<>(words.count());
            for (int w = 0; w < words.count(); w++) {
                out.add(word(source, words.start(w), words.end(w)));
            }
        }
        if (out.size() < min) {
            diagnostics.add(Diagnostic.error("missing-arguments", source.kind() + " requires at least one argument",
                    source.keywordRange()));
        }
        return out;
    }

    private Word single(InstructionSource source, int rest, int end) {
        RawWords words = RawWords.split(source.node().text(), rest, end, escape);
        if (words.count() != 1) {
            diagnostics.add(Diagnostic.error("missing-arguments", source.kind() + " requires exactly one argument",
                    words.count() == 0 ? source.keywordRange() : source.node().range(words.start(1), end)));
        }
        return words.count() == 0 ? null : word(source, words.start(0), words.end(0));
    }

    private Instruction transfer(InstructionSource source, int rest, int end) {
        InstructionNode node = source.node();
        JsonArray array = JsonArray.parse(node.text(), rest, end);
        List<Word> args = jsonOrWords(source, array, rest, end, 0);
        boolean json = array.status() == JsonArray.Status.STRINGS;
        if (args.size() < 2) {
            diagnostics.add(Diagnostic.error("missing-arguments", source.kind()
                    + " requires at least two arguments: one or more sources, then the destination",
                    args.isEmpty() ? source.keywordRange() : args.get(0).range()));
        }
        List<Word> sources = args.size() < 2 ? args : args.subList(0, args.size() - 1);
        Word destination = args.size() < 2 ? null : args.get(args.size() - 1);
        if (source.kind() == InstructionKind.COPY) {
            return new CopyInstruction(source, sources, destination, json);
        }
        return new AddInstruction(source, sources, destination, json);
    }

    private Instruction healthcheck(InstructionSource source, int rest, int end) {
        InstructionNode node = source.node();
        String text = node.text();
        RawWords words = RawWords.splitOnBlanks(text, rest, end);
        if (words.count() == 0) {
            diagnostics.add(Diagnostic.error("missing-arguments", "HEALTHCHECK requires CMD or NONE",
                    source.keywordRange()));
            return new HealthcheckInstruction(source, false, null);
        }
        String first = text.substring(words.start(0), words.end(0));
        if (first.equalsIgnoreCase("none")) {
            if (words.count() > 1 || !source.flags().isEmpty()) {
                diagnostics.add(Diagnostic.error("invalid-healthcheck", "HEALTHCHECK NONE takes no other arguments or flags",
                        node.range(words.start(0), end)));
            }
            return new HealthcheckInstruction(source, true, null);
        }
        if (!first.equalsIgnoreCase("cmd")) {
            diagnostics.add(Diagnostic.error("invalid-healthcheck", "HEALTHCHECK expects CMD or NONE, not '" + first + "'",
                    node.range(words.start(0), words.end(0))));
            return new HealthcheckInstruction(source, false, null);
        }
        CommandLine command = command(source, words.count() > 1 ? words.start(1) : end, end);
        if (command.args().isEmpty()) {
            diagnostics.add(Diagnostic.error("missing-arguments", "HEALTHCHECK CMD requires a command",
                    node.range(words.start(0), words.end(0))));
        }
        return new HealthcheckInstruction(source, false, command);
    }
}
