package org.smallbms.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * Compares two builds of the simulation in one JVM: each build's {@link SystemHours} is loaded from its own
 * {@code benchmarks.jar} by its own class loader, and the two run the same system in alternate windows of simulated
 * hours, on the thread's CPU time. Both builds see the same minutes of the machine, which on a shared machine moves
 * by more than most changes do; the answer is how often the second build was faster and the two builds' spread.
 *
 * <pre>
 * java -XX:+UseParallelGC -cp benchmarks.jar org.smallbms.bench.Alternate SYSTEM HOURS WINDOWS A.jar B.jar
 * </pre>
 *
 * <p>SYSTEM is {@code ng331} or {@code bank50}; each window is HOURS simulated hours of each build, after a tenth of
 * the windows (at least three) run unmeasured for the JIT. Both jars must contain this class's {@link SystemHours}.
 *
 * <p>The build loaded second runs a little slower than the first for the same code (the same jar as A and B: B faster
 * in 3 of 20 windows, median B/A 1.02), so run it both ways round: a change shows as B faster both ways.
 */
public final class Alternate {

    private Alternate() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Alternate SYSTEM HOURS WINDOWS A.jar B.jar (SYSTEM: ng331 or bank50)");
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException(args.length + " arguments, not 5");
        }
        String system = args[0];
        if (!system.equals(BenchSystems.NG_331) && !system.equals(BenchSystems.BANK_50)) {
            throw new IllegalArgumentException("SYSTEM = '" + system + "': ng331 or bank50");
        }
        int hours = positive("HOURS", args[1]);
        int windows = positive("WINDOWS", args[2]);
        IntToLongFunction a = load(Path.of(args[3]), system);
        IntToLongFunction b = load(Path.of(args[4]), system);
        for (int w = 0; w < Math.max(3, windows / 10); w++) {
            a.applyAsLong(hours);
            b.applyAsLong(hours);
        }
        double[] msA = new double[windows];
        double[] msB = new double[windows];
        int bFaster = 0;
        for (int w = 0; w < windows; w++) {
            // Each build goes first in every other window.
            if (w % 2 == 0) {
                msA[w] = millisPerHour(a, hours);
                msB[w] = millisPerHour(b, hours);
            } else {
                msB[w] = millisPerHour(b, hours);
                msA[w] = millisPerHour(a, hours);
            }
            bFaster += msB[w] < msA[w] ? 1 : 0;
        }
        System.out.println(row("A " + args[3], msA));
        System.out.println(row("B " + args[4], msB));
        System.out.printf(Locale.ROOT, "B faster in %d of %d windows; median B/A = %.3f%n", bFaster, windows,
                median(msB) / median(msA));
    }

    private static IntToLongFunction load(Path jar, String system) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file: give a benchmarks.jar built by ./bench or mvn package");
        }
        // The platform loader as parent: each build has its own copy of every class but the JDK's.
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return (IntToLongFunction) loader.loadClass(SystemHours.class.getName()).getConstructor(String.class)
                .newInstance(system);
    }

    private static double millisPerHour(IntToLongFunction build, int hours) {
        return build.applyAsLong(hours) / 1e6 / hours;
    }

    private static String row(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: min %.3f, p25 %.3f, median %.3f ms per simulated hour", name,
                sorted[0], sorted[sorted.length / 4], sorted[sorted.length / 2]);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException(name + " = '" + value + "': a positive whole number");
    }
}
