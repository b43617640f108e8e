package org.smallbms.app.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.smallbms.core.event.Event;
import org.smallbms.core.text.Figures;

/**
 * {@code report.html}: the run's charts (SoC, voltage, current, min/max cell) and a timeline of the outputs and
 * codes, as inline SVG in one self-contained page: no scripts, no fonts or styles from elsewhere. It draws a
 * {@link ReportTrace}, so its size is bounded however long the run.
 */
public final class ReportHtml {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 170;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    private ReportHtml() {
    }

    public static void write(Writer out, String title, String description, Summary summary, ReportTrace trace,
            Instant start) throws IOException {
        double span = Math.max(1, summary.simulatedSeconds());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:")
                .append(WIDTH + 40).append("px}svg{display:block;margin-bottom:1em}h2{font-size:1.1em;margin:1.2em 0 "
                + ".3em}table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #ddd;"
                + "text-align:left}.finding{color:#a40}</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(description)).append("</p>\n");
        summary(html, summary);
        List<Sample> points = trace.points();
        boolean monitored = points.stream().anyMatch(p -> !Double.isNaN(p.monitorSocPercent()));
        chart(html, monitored ? "State of charge (%): the batteries' (green) and what the battery monitor shows (blue)"
                : "State of charge (%)", points, span, monitored ? List.of(Sample::socPercent,
                Sample::monitorSocPercent) : List.of(Sample::socPercent), List.of("#2a7", "#36c"),
                new ReportTrace.Range(0, 100), false);
        chart(html, "Bank voltage (V)", points, span, List.of(Sample::volts), List.of("#36c"), trace.volts(), true);
        chart(html, "Bank current (A, positive charging)", points, span, List.of(Sample::amps), List.of("#c63"),
                trace.amps(), true);
        chart(html, "Min and max cell voltage (V)", points, span, List.of(Sample::minCellVolts,
                Sample::maxCellVolts), List.of("#c33", "#36c"), trace.cells(), true);
        timeline(html, trace, span, start);
        eventTable(html, trace, start);
        html.append("</body></html>\n");
        out.write(html.toString());
    }

    private static void summary(StringBuilder html, Summary s) {
        html.append("<table>\n");
        row(html, "Simulated", String.format(Locale.ROOT, "%.2f days at %.0f s steps, seed %d",
                s.simulatedSeconds() / 86_400.0, s.stepSeconds(), s.seed()));
        row(html, "SoC", "final " + Figures.percent(s.finalSocPercent(), 1) + ", minimum "
                + Figures.percent(s.minSocPercent(), 1) + " (" + s.shown() + ")");
        row(html, "Cells", Figures.volts(s.minCellVolts(), 3) + " .. " + Figures.volts(s.maxCellVolts(), 3));
        row(html, "Outputs", String.format(Locale.ROOT, "ATC off %.1f h, ATD off %.1f h, pre-alarm on %.1f h",
                s.atcOffSeconds() / 3600.0, s.atdOffSeconds() / 3600.0,
                s.preAlarmOnSeconds() / 3600.0));
        row(html, "Energy", String.format(Locale.ROOT, "charged %.0f Wh, discharged %.0f Wh", s.chargedWh(),
                s.dischargedWh()));
        StringBuilder codes = new StringBuilder();
        // By name: the summary's map has no order of its own, and the same run must give the same page.
        for (Map.Entry<String, Integer> code : new TreeMap<>(s.codes()).entrySet()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(code.getKey()).append(" × ").append(code.getValue());
        }
        row(html, "Codes raised", codes.length() == 0 ? "none" : codes.toString());
        for (String finding : s.findings()) {
            html.append("<tr class=\"finding\"><th>Finding</th><td>").append(escape(finding)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    /** A chart of {@code points} over {@code range} (every sample's, with a margin when {@code pad}). */
    private static void chart(StringBuilder html, String title, List<Sample> points, double span,
            List<ToDoubleFunction<Sample>> series, List<String> colours, ReportTrace.Range range, boolean pad) {
        double min = range.min();
        double max = range.max();
        if (pad) {
            double margin = Math.max(1e-3, (max - min) * 0.05);
            min -= margin;
            max += margin;
        }
        html.append("<h2>").append(escape(title)).append("</h2>\n");
        frame(html, span, min, max);
        for (int k = 0; k < series.size(); k++) {
            // A figure the run does not have at a point (a monitor that does not know its SoC yet) breaks the line.
            boolean open = false;
            for (Sample sample : points) {
                double value = series.get(k).applyAsDouble(sample);
                if (Double.isNaN(value)) {
                    if (open) {
                        html.append("\"/>\n");
                        open = false;
                    }
                    continue;
                }
                if (!open) {
                    html.append("<polyline fill=\"none\" stroke-width=\"1.2\" stroke=\"").append(colours.get(k))
                            .append("\" points=\"");
                    open = true;
                }
                html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(sample.seconds(), span), y(value, min, max)));
            }
            if (open) {
                html.append("\"/>\n");
            }
        }
        html.append("</svg>\n");
    }

    private static void frame(StringBuilder html, double span, double min, double max) {
        html.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-size=\"10\">%n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                + "stroke=\"#999\"/>%n", WIDTH, HEIGHT, LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double value = min + (max - min) * i / 4;
            double y = y(value, min, max);
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT, y, y, LEFT - 4,
                    y + 3, label(value)));
        }
        boolean days = span > 2 * 86_400;
        double unit = days ? 86_400 : 3600;
        double every = days ? Math.max(1, Math.ceil(span / unit / 14)) : Math.max(1, Math.ceil(span / unit / 12));
        for (double t = 0; t <= span; t += every * unit) {
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x(t, span), HEIGHT - 8, (long) (t / unit) + (days ? " d" : " h")));
        }
    }

    private static String label(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double x(double seconds, double span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * seconds / span;
    }

    private static double y(double value, double min, double max) {
        double inner = HEIGHT - TOP - BOTTOM;
        double clamped = Math.max(min, Math.min(max, value));
        return TOP + inner - inner * (clamped - min) / (max - min);
    }

    /** One lane per output, filled where it is high; a tick and label per code raised. */
    private static void timeline(StringBuilder html, ReportTrace trace, double span, Instant start) {
        html.append("<h2>Outputs and codes</h2>\n");
        html.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-size=\"10\">%n", WIDTH, 130));
        String[] lanes = {"ATC", "ATD", "pre-alarm"};
        String[] colours = {"#2a7", "#36c", "#e90"};
        List<List<ReportTrace.Run>> runs = List.of(trace.atc(), trace.atd(), trace.preAlarm());
        for (int lane = 0; lane < 3; lane++) {
            int top = 8 + lane * 26;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#eee\"/>%n", LEFT - 4, top + 13,
                    lanes[lane], LEFT, top, WIDTH - LEFT - RIGHT));
            for (ReportTrace.Run run : runs.get(lane)) {
                double from = x(run.fromSeconds(), span);
                html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" "
                        + "fill=\"%s\"/>%n", from, top, Math.max(0.5, x(run.toSeconds(), span) - from), colours[lane]));
            }
        }
        // Labels alternate between two rows, so neighbours overlap less.
        int shown = 0;
        for (Event event : trace.marks()) {
            shown++;
            double t = Duration.between(start, event.at()).getSeconds();
            html.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"86\" y2=\"96\" "
                    + "stroke=\"#c00\"/><text x=\"%.1f\" y=\"%d\" fill=\"#c00\">%s</text>%n", x(t, span),
                    x(t, span), x(t, span) + 2, 106 + 12 * (shown % 2), escape(event.name())));
        }
        html.append("</svg>\n");
    }

    private static void eventTable(StringBuilder html, ReportTrace trace, Instant start) {
        html.append("<h2>Events</h2>\n<table>\n<tr><th>t</th><th>kind</th><th>name</th><th>value</th><th>cause</th>"
                + "</tr>\n");
        for (Event event : trace.events()) {
            long t = Duration.between(start, event.at()).getSeconds();
            html.append(String.format(Locale.ROOT, "<tr><td>%dd %02d:%02d:%02d</td><td>%s</td><td>%s</td><td>%s</td>"
                    + "<td>%s</td></tr>%n", t / 86_400, t % 86_400 / 3600, t % 3600 / 60, t % 60, event.kind().label(),
                    escape(event.name()), escape(event.value()), escape(event.cause())));
        }
        if (trace.eventsLeftOut() > 0) {
            html.append(String.format(Locale.ROOT, "<tr><td colspan=\"5\">… and %d more events, left out here: every "
                    + "event is in events.jsonl</td></tr>%n", trace.eventsLeftOut()));
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
