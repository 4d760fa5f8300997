package dev.stagecraft.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.BuildRequest;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineException.Kind;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.engine.ImageEvents;
import dev.stagecraft.engine.progress.BuildStreamLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@link BuildEngine} over docker-java. Two HTTP clients: a quick one whose calls give up after a
 * few seconds (version, inspect, history, listing), so an engine that does not answer is reported
 * rather than waited on; and one without a response timeout for builds and saves, which may stay
 * silent for minutes while a step runs, and end only when done or cancelled.
 *
 * <p>The API version is not forced: docker-java then sends unversioned paths, and the engine
 * answers with its own version (forcing a newer one than the engine's fails).
 */
public final class DockerBuildEngine implements BuildEngine {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration QUICK_RESPONSE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INFO_DEADLINE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineEndpoint endpoint;
    private final DockerHttpClient quickHttp;
    private final DockerHttpClient longHttp;
    private final DockerClient quick;
    private final DockerClient slow;

    public DockerBuildEngine(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.certPath() != null) {
            config.withDockerCertPath(endpoint.certPath().toString());
        }
        DefaultDockerClientConfig built = config.build();
        this.quickHttp = new ApacheDockerHttpClient.Builder().dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig()).connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(QUICK_RESPONSE_TIMEOUT).maxConnections(8).build();
        this.longHttp = new ApacheDockerHttpClient.Builder().dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig()).connectionTimeout(CONNECT_TIMEOUT).maxConnections(8).build();
        this.quick = DockerClientImpl.getInstance(built, quickHttp);
        this.slow = DockerClientImpl.getInstance(built, longHttp);
    }

    @Override
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public EngineInfo info() {
        // The transport's own timeouts do not cover every way a socket can stall (a listener that
        // accepts and never answers); a deadline on the whole call does.
        CompletableFuture<Version> call = CompletableFuture.supplyAsync(() -> quick.versionCmd().exec());
        try {
            Version v = call.get(INFO_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            String os = v.getOperatingSystem() == null ? "" : v.getOperatingSystem();
            String api = v.getApiVersion() == null ? "" : v.getApiVersion();
            return new EngineInfo(endpoint, String.valueOf(v.getVersion()), api, os, offersBuildKit(api, os));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw EngineFailures.unreachable(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(Kind.CANCELLED, "Stopped waiting for the engine at " + endpoint.host(), e);
        } catch (ExecutionException e) {
            throw EngineFailures.classify(e.getCause(), endpoint);
        }
    }

    /** BuildKit through the API needs API 1.39 (Docker 18.09) on a Linux engine. */
    static boolean offersBuildKit(String apiVersion, String os) {
        String[] parts = apiVersion.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return (major > 1 || major == 1 && minor >= 39) && !"windows".equalsIgnoreCase(os);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String build(BuildRequest request, Consumer<BuildMessage> messages, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        return request.builder() == BuilderKind.BUILDKIT
                ? buildWithBuildKit(request, messages, cancellation)
                : buildClassic(request, messages, cancellation);
    }

    private String buildWithBuildKit(BuildRequest request, Consumer<BuildMessage> messages, Cancellation cancellation) {
        StringBuilder path = new StringBuilder("/build?version=2&rm=1&forcerm=1");
        query(path, "dockerfile", request.dockerfileName());
        if (request.target() != null) {
            query(path, "target", request.target());
        }
        if (request.tag() != null) {
            query(path, "t", request.tag());
        }
        if (request.noCache()) {
            path.append("&nocache=1");
        }
        try {
            query(path, "buildargs", JSON.writeValueAsString(request.buildArgs()));
            query(path, "labels", JSON.writeValueAsString(request.labels()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String imageId = null;
        try (InputStream body = Files.newInputStream(request.contextTar())) {
            DockerHttpClient.Request call = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST).path(path.toString())
                    .putHeader("Content-Type", "application/x-tar").body(body).build();
            try (DockerHttpClient.Response response = longHttp.execute(call)) {
                cancellation.onCancel(response::close);
                if (response.getStatusCode() >= 300) {
                    throw refusedBuild(response);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Optional<BuildMessage> message = BuildStreamLines.toMessage(line);
                    if (message.isEmpty()) {
                        continue;
                    }
                    if (message.get() instanceof BuildMessage.ImageBuilt built) {
                        imageId = built.imageId();
                    }
                    messages.accept(message.get());
                }
            }
        } catch (EngineException e) {
            throw cancellation.isCancelled() ? cancelled() : e;
        } catch (IOException | RuntimeException e) {
            if (cancellation.isCancelled()) {
                throw cancelled();
            }
            throw lostOrRefused(e);
        }
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        if (imageId == null) {
            throw new EngineException(Kind.CONNECTION_LOST, "The build stream from " + endpoint.host()
                    + " ended without an image: the engine may have stopped mid-build.");
        }
        return imageId;
    }

    private String buildClassic(BuildRequest request, Consumer<BuildMessage> messages, Cancellation cancellation) {
        AtomicReference<String> imageId = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (InputStream body = Files.newInputStream(request.contextTar())) {
            BuildImageCmd cmd = slow.buildImageCmd(body).withDockerfilePath(request.dockerfileName())
                    .withRemove(true).withForcerm(true).withNoCache(request.noCache())
                    .withLabels(request.labels()).withPull(false);
            if (request.target() != null) {
                cmd.withTarget(request.target());
            }
            if (request.tag() != null) {
                cmd.withTags(Collections.singleton(request.tag()));
            }
            request.buildArgs().forEach(cmd::withBuildArg);
            ResultCallback.Adapter<BuildResponseItem> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.isErrorIndicated()) {
                        String text = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                                ? item.getErrorDetail().getMessage() : item.getError();
                        failure.compareAndSet(null, new EngineException(Kind.BUILD_FAILED, String.valueOf(text)));
                        return;
                    }
                    if (item.getStream() != null) {
                        messages.accept(new BuildMessage.Output(item.getStream()));
                    }
                    if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
                        imageId.set(item.getImageId());
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    failure.compareAndSet(null, throwable);
                    super.onError(throwable);
                }
            };
            cmd.exec(callback);
            cancellation.onCancel(() -> {
                try {
                    callback.close();
                } catch (IOException ignored) {
                    // Closing is best effort: the build's connection is gone either way.
                }
            });
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            throw cancelled();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        Throwable failed = failure.get();
        if (failed instanceof EngineException known) {
            throw known;
        }
        if (failed != null) {
            throw lostOrRefused(failed);
        }
        if (imageId.get() == null) {
            throw new EngineException(Kind.CONNECTION_LOST, "The build stream from " + endpoint.host()
                    + " ended without an image: the engine may have stopped mid-build.");
        }
        // The classic builder names its result by a short id ("Successfully built 56b606ab9857").
        String id = inspectImage(imageId.get()).map(ImageFacts::id).orElseThrow(() -> new EngineException(
                Kind.CONNECTION_LOST, "The engine reported image " + imageId.get() + " but no longer has it."));
        messages.accept(new BuildMessage.ImageBuilt(id));
        return id;
    }

    private EngineException lostOrRefused(Throwable failure) {
        EngineException classified = EngineFailures.classify(failure, endpoint);
        if (classified.kind() == Kind.REFUSED || classified.kind() == Kind.UNREACHABLE) {
            return new EngineException(Kind.CONNECTION_LOST, "The connection to the engine at " + endpoint.host()
                    + " broke during the build (" + EngineFailures.rootMessage(failure)
                    + "). Check that the engine still runs, then build again.", failure);
        }
        return classified;
    }

    private EngineException refusedBuild(DockerHttpClient.Response response) throws IOException {
        String text = new String(response.getBody().readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        try {
            JsonNode message = JSON.readTree(text).path("message");
            if (message.isTextual()) {
                text = message.asText();
            }
        } catch (IOException notJson) {
            // The engine's answer was plain text; show it as it is.
        }
        return new EngineException(Kind.BUILD_FAILED, text);
    }

    private static EngineException cancelled() {
        return new EngineException(Kind.CANCELLED, "The build was cancelled.");
    }

    private static void query(StringBuilder path, String name, String value) {
        path.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<ImageFacts> inspectImage(String reference) {
        try {
            InspectImageResponse r = quick.inspectImageCmd(reference).exec();
            Map<String, String> labels = r.getConfig() != null && r.getConfig().getLabels() != null
                    ? r.getConfig().getLabels() : Map.of();
            List<String> layers = r.getRootFS() != null && r.getRootFS().getLayers() != null
                    ? r.getRootFS().getLayers() : List.of();
            return Optional.of(new ImageFacts(r.getId(), r.getSize() == null ? 0 : r.getSize(), labels, layers));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public List<HistoryEntry> history(String imageId) {
        try {
            List<ImageHistory> newestFirst = quick.imageHistoryCmd(imageId).exec();
            List<HistoryEntry> entries = new ArrayList<>(newestFirst.size());
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                ImageHistory h = newestFirst.get(i);
                entries.add(new HistoryEntry(h.getCreatedBy() == null ? "" : h.getCreatedBy(),
                        h.getSize() == null ? 0 : h.getSize(), h.getComment() == null ? "" : h.getComment()));
            }
            return entries;
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public void saveImage(String imageId, Path tarFile) {
        Path partial = tarFile.resolveSibling(tarFile.getFileName() + ".part");
        try (InputStream tar = slow.saveImageCmd(imageId).exec()) {
            Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, tarFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // A partial file left in a temporary folder does no harm.
            }
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public List<String> imagesLabelled(String label, String value) {
        try {
            List<Image> images = quick.listImagesCmd().withShowAll(true)
                    .withLabelFilter(Map.of(label, value)).exec();
            return images.stream().map(Image::getId).toList();
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public void removeImage(String imageId) {
        try {
            quick.removeImageCmd(imageId).withForce(true).withNoPrune(false).exec();
        } catch (NotFoundException gone) {
            // Already removed: what the caller wanted.
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public List<String> runningContainers() {
        try {
            return quick.listContainersCmd().exec().stream().map(Container::getId).toList();
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, endpoint);
        }
    }

    @Override
    public AutoCloseable watchImageEvents(ImageEvents listener) {
        ResultCallback.Adapter<Event> watch = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(java.io.Closeable stream) {
                super.onStart(stream);
                listener.watching();
            }

            @Override
            public void onNext(Event event) {
                String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId()
                        : event.getId();
                String action = event.getAction() != null ? event.getAction() : event.getStatus();
                if (action != null && id != null) {
                    listener.happened(action, id);
                }
            }

            @Override
            public void onError(Throwable failure) {
                listener.ended();
                super.onError(failure);
            }

            @Override
            public void onComplete() {
                listener.ended();
                super.onComplete();
            }
        };
        try {
            // The long-lived client: the quick one's response timeout would end a quiet watch. Events
            // since the epoch: the engine replays the ones it still holds, so one that came between
            // the stream's start and its subscription is told too.
            return slow.eventsCmd().withSince("0").withEventTypeFilter(EventType.IMAGE).exec(watch);
        } catch (RuntimeException e) {
            listener.ended();
            return () -> { };
        }
    }

    @Override
    public void close() {
        try {
            quick.close();
            slow.close();
        } catch (IOException ignored) {
            // Closing idle connections cannot fail in a way the user could act on.
        }
    }
}
