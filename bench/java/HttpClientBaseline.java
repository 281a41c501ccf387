import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Baseline (b) of the benchmark: the no-framework limit for the JVM. A plain loop that reads a plain-list
 * file, groups its lines into batches of BATCH IDs, and PUTs each batch with Apache HttpClient 5 (classic,
 * pooled, keep-alive, no retries) from CONCURRENCY threads, with the same headers and the same Jackson
 * body as the product. It does not validate, de-duplicate, retry, dead-letter or write receipts: it is the
 * upper bound the product is compared with, not a replacement for it.
 *
 * <pre>  java -cp target/lib/*:bench/out/classes HttpClientBaseline URL FILE BATCH CONCURRENCY   (token: EXPRESS_CHAT_TOKEN)</pre>
 *
 * Prints one line: {@code BASELINE ids=N requests=R failures=F ms=T cpuMs=C} (T: wall time of the loop, from
 * opening the file to the last answer; C: CPU time of the whole process over the same span); exits 1 when any
 * request failed.
 */
public final class HttpClientBaseline {

    private static final List<String> END = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HttpClientBaseline URL FILE BATCH CONCURRENCY");
            System.exit(2);
        }
        String url = args[0];
        Path file = Path.of(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        String token = System.getenv().getOrDefault("EXPRESS_CHAT_TOKEN", "");
        ObjectMapper json = new ObjectMapper();

        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(concurrency)
                .setMaxConnPerRoute(concurrency)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30))
                        .build())
                .build();
        AtomicLong ids = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(concurrency * 2);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .build()) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (List<String> batch = queue.take(); batch != END; batch = queue.take()) {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("ids", batch);
                            body.put("status", "DELETED");
                            HttpPut put = new HttpPut(url);
                            put.setHeader("Authorization", "Bearer " + token);
                            put.setHeader("Accept", "application/json");
                            put.setHeader("X-Request-Id", UUID.randomUUID().toString());
                            put.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
                            boolean ok = client.execute(put, response -> {
                                EntityUtils.toString(response.getEntity());
                                return response.getCode() / 100 == 2;
                            });
                            requests.incrementAndGet();
                            if (ok) {
                                ids.addAndGet(batch.size());
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        System.err.println("request failed: " + e);
                    }
                }, "baseline-" + t);
                worker.start();
                workers.add(worker);
            }
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> batch = new ArrayList<>(batchSize);
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String id = line.strip();
                    if (id.isEmpty() || id.startsWith("#")) {
                        continue;
                    }
                    batch.add(id);
                    if (batch.size() == batchSize) {
                        queue.put(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
            }
            for (int t = 0; t < concurrency; t++) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.MINUTES.toMillis(30));
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long cpuMs = TimeUnit.NANOSECONDS.toMillis(os.getProcessCpuTime() - cpuStart);
        System.out.printf("BASELINE ids=%d requests=%d failures=%d ms=%d cpuMs=%d%n", ids.get(), requests.get(), failures.get(),
                ms, cpuMs);
        System.exit(failures.get() == 0 ? 0 : 1);
    }
}
