package org.smallbms.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smallbms.app.device.Device;
import org.smallbms.app.web.WebServer;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The web app's figures, measured (a benchmark, not a test): how long an event takes from its tick to a client of the
 * stream, what ten open pages cost a device at 1440×, and what the first page load weighs and how soon it is usable.
 * A live device of the default system runs in a temporary directory with its server on a free port.
 *
 * <pre>
 * java -cp smallbms-bench/target/benchmarks.jar org.smallbms.bench.WebMeasure [latency|pages|load]...
 * </pre>
 */
public final class WebMeasure {

    private static final String SYSTEM = "ng-3.3.1-daily-cycle";
    private static final int EVENTS = 400;
    private static final int PAGES = 10;
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final int WINDOWS = 6;

    private WebMeasure() {
    }

    public static void main(String[] args) throws Exception {
        List<String> what = args.length == 0 ? List.of("latency", "pages", "load") : Arrays.asList(args);
        for (String measure : what) {
            switch (measure) {
                case "latency" -> latency();
                case "pages" -> pages();
                case "load" -> load();
                default -> {
                    System.err.println("unknown measure '" + measure + "': latency, pages or load");
                    System.exit(2);
                }
            }
        }
        System.exit(0);
    }

    /** A device at {@code speed} with its server, in a directory of its own. */
    private record Live(Device device, WebServer server, BlockingQueue<Long> remoteTicks) implements AutoCloseable {
        static Live start(double speed) throws Exception {
            Path dir = Files.createTempDirectory("smallbms-web-measure");
            Device device = Device.open(new Device.Config(Scenarios.builtIn(SYSTEM), dir, 1, Optional.empty(),
                    Optional.of(speed)));
            BlockingQueue<Long> ticks = new LinkedBlockingQueue<>();
            // When the tick that applied a remote switch is out: the event's clock starts here.
            device.addListener(snapshot -> {
                for (var event : snapshot.events()) {
                    if (event.name().equals("remote")) {
                        ticks.add(System.nanoTime());
                    }
                }
            });
            WebServer server = WebServer.start(device, WebServer.LOOPBACK, 0);
            device.start(List.of(), Optional.empty());
            return new Live(device, server, ticks);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.port() + path;
        }

        @Override
        public void close() {
            server.close();
            device.stop();
        }
    }

    /** A client of the stream that notes when each line arrives. */
    private static final class StreamClient implements Flow.Subscriber<String> {
        private final BlockingQueue<Long> remoteArrivals = new LinkedBlockingQueue<>();
        private Flow.Subscription subscription;

        static StreamClient open(HttpClient http, String url) {
            StreamClient client = new StreamClient();
            http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.fromLineSubscriber(
                    client));
            return client;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data: ") && line.contains("\"name\":\"remote\"")) {
                remoteArrivals.add(System.nanoTime());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // Closed.
        }

        @Override
        public void onComplete() {
            // Closed.
        }

        void close() {
            subscription.cancel();
        }
    }

    private static void latency() throws Exception {
        try (Live live = Live.start(1440)) {
            HttpClient http = HttpClient.newHttpClient();
            StreamClient stream = StreamClient.open(http, live.url("/api/stream"));
            Thread.sleep(1_000);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < EVENTS + 50; i++) {
                boolean on = i % 2 == 1;
                http.send(HttpRequest.newBuilder(URI.create(live.url("/api/world/remote"))).header("Content-Type",
                        "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"on\": " + on + "}")).build(),
                        HttpResponse.BodyHandlers.discarding());
                Long tick = live.remoteTicks().poll(10, TimeUnit.SECONDS);
                Long arrival = stream.remoteArrivals.poll(10, TimeUnit.SECONDS);
                if (tick == null || arrival == null) {
                    throw new IllegalStateException("event " + i + " never arrived");
                }
                if (i >= 50) {
                    millis.add((arrival - tick) / 1e6);
                }
                Thread.sleep(5);
            }
            stream.close();
            millis.sort(null);
            System.out.printf(Locale.ROOT, "latency: tick to stream client, %d events at 1440×: p50 %.2f ms, p90 %.2f "
                    + "ms, p99 %.2f ms, max %.2f ms%n", millis.size(), percentile(millis, 50), percentile(millis, 90),
                    percentile(millis, 99), millis.get(millis.size() - 1));
        }
    }

    private static void pages() throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Live live = Live.start(1440)) {
            // Unmeasured, for the JIT: the device alone, then with pages.
            Thread.sleep(10_000);
            List<Process> warm = openPages(live);
            Thread.sleep(10_000);
            closePages(warm);
            double[] without = new double[WINDOWS];
            double[] with = new double[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                without[w] = coreShare(os, WINDOW);
                List<Process> pages = openPages(live);
                with[w] = coreShare(os, WINDOW);
                closePages(pages);
                Thread.sleep(1_000);
            }
            System.out.printf(Locale.ROOT, "pages: the device at 1440× uses %s of a core alone and %s with %d open "
                    + "pages (windows of %d s, alternated): pages cost %s%n", shares(without), shares(with), PAGES,
                    WINDOW.toSeconds(), differences(with, without));
        }
    }

    /**
     * Ten pages, as processes of their own so that only the server's work is counted in this process: each holds
     * the stream open and reads the page it shows every 2 s, as the web app does.
     */
    private static List<Process> openPages(Live live) throws IOException {
        List<Process> pages = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            pages.add(new ProcessBuilder("curl", "-s", "-N", "-H", "Accept: text/event-stream", "-o", "/dev/null",
                    live.url("/api/stream")).start());
            pages.add(new ProcessBuilder("bash", "-c", "while true; do curl -s -o /dev/null " + live.url(
                    "/api/battery") + "; sleep 2; done").start());
        }
        return pages;
    }

    private static void closePages(List<Process> pages) throws InterruptedException {
        for (Process page : pages) {
            page.descendants().forEach(ProcessHandle::destroy);
            page.destroy();
            page.waitFor();
        }
    }

    /** This process's CPU over {@code window} of wall time, as a share of one core. */
    private static double coreShare(OperatingSystemMXBean os, Duration window) throws InterruptedException {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - wall);
    }

    private static void load() throws Exception {
        try (Live live = Live.start(1440)) {
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(
                    "/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            service.start();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(Path.of("/usr/bin/chromium").toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium"));
            WebDriver browser = new ChromeDriver(service, options);
            try {
                List<String> lines = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    // A new browser profile each round would be a cold start; clearing the cache is enough.
                    browser.get("about:blank");
                    ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCache",
                            java.util.Map.of());
                    browser.get(live.url("/"));
                    new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(5)).until(d -> !d.findElement(
                            By.cssSelector("[data-field='deviceTime']")).getText().isBlank() && !d.findElement(
                            By.cssSelector("#page-status [data-field='voltageVolts']")).getText().isBlank());
                    JavascriptExecutor js = (JavascriptExecutor) browser;
                    Number usable = (Number) js.executeScript("return performance.now();");
                    Number bytes = (Number) js.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                            + "let sum = n.transferSize;"
                            + "for (const r of performance.getEntriesByType('resource')) {"
                            + "  if (!r.name.includes('/api/stream')) { sum += r.transferSize; } }"
                            + "return sum;");
                    Number files = (Number) js.executeScript("return performance.getEntriesByType('resource').length"
                            + " + 1;");
                    lines.add(String.format(Locale.ROOT, "%.0f ms, %.1f kB in %d files", usable.doubleValue(),
                            bytes.doubleValue() / 1000, files.intValue()));
                }
                System.out.println("first load of the status page, cache cleared, usable (the figures shown) after: "
                        + String.join("; ", lines));
            } finally {
                browser.quit();
                service.stop();
            }
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String shares(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, "%.1f %%", v * 100));
        }
        return String.join(", ", out);
    }

    private static String differences(double[] with, double[] without) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < with.length; i++) {
            out.add(String.format(Locale.ROOT, "%+.1f", (with[i] - without[i]) * 100));
        }
        return String.join(", ", out) + " % of a core";
    }
}
