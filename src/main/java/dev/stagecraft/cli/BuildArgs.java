package dev.stagecraft.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --build-arg} values as the docker CLI reads them: {@code KEY=VALUE}, or {@code KEY} alone to
 * take the value from the environment (left out when the environment has none).
 */
final class BuildArgs {
    private BuildArgs() {
    }

    static Map<String, String> parse(List<String> values, CommandLine command) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : values) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (key.isEmpty()) {
                throw new ParameterException(command, "--build-arg needs KEY=VALUE, got '" + a + "'");
            }
            if (eq < 0) {
                String env = System.getenv(key);
                if (env != null) {
                    args.put(key, env);
                }
            } else {
                args.put(key, a.substring(eq + 1));
            }
        }
        return args;
    }
}
