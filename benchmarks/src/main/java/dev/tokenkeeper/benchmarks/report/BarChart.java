package dev.tokenkeeper.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the hot-path comparison as horizontal bars, one panel per {@link Comparison.Group}, with JDK's
 * Java2D only (no charting dependency). Each panel has its own scale; every bar is labelled with its
 * time per op, its ratio to the baseline of the same panel and its allocation.
 */
public final class BarChart {

    private static final int WIDTH = 1100;
    private static final int MARGIN = 24;
    private static final int LABEL_WIDTH = 230;
    private static final int VALUE_WIDTH = 330;
    private static final int BAR_HEIGHT = 22;
    private static final int BAR_GAP = 8;
    private static final int PANEL_TITLE = 30;
    private static final int PANEL_GAP = 18;
    private static final int HEADER = 78;
    private static final int FOOTER = 30;

    private BarChart() {
    }

    /** Renders {@code groups} to a PNG at {@code png}. */
    public static void write(List<Comparison.Group> groups, String subtitle, Path png) throws IOException {
        int height = HEADER + FOOTER;
        for (Comparison.Group g : groups) {
            height += PANEL_TITLE + g.rows().size() * (BAR_HEIGHT + BAR_GAP) + PANEL_GAP;
        }
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, WIDTH, height);

            g2.setColor(Color.BLACK);
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g2.drawString("tokenkeeper hot path vs. constant header and peers (JMH, lower is better)", MARGIN, 32);
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g2.setColor(Color.DARK_GRAY);
            g2.drawString(subtitle, MARGIN, 56);

            int y = HEADER;
            for (Comparison.Group group : groups) {
                y = panel(g2, group, y);
            }
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g2.setColor(Color.GRAY);
            g2.drawString("Whiskers: JMH 99.9 % confidence interval. Ratio and +/- time are to the baseline of the same panel, same run.",
                    MARGIN, height - 12);
        } finally {
            g2.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static int panel(Graphics2D g2, Comparison.Group group, int top) {
        g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g2.setColor(Color.BLACK);
        g2.drawString(group.title(), MARGIN, top + 20);

        int barLeft = MARGIN + LABEL_WIDTH;
        int barSpace = WIDTH - barLeft - VALUE_WIDTH - MARGIN;
        // Scaled to the longest bar, not to the widest whisker: on a busy machine one noisy variant's
        // interval would otherwise squash every bar. Whiskers are clipped at the panel's edge.
        double max = 0;
        for (Comparison.Row row : group.rows()) {
            max = Math.max(max, row.result().score());
        }
        max *= 1.15;
        int y = top + PANEL_TITLE;
        for (Comparison.Row row : group.rows()) {
            JmhResult r = row.result();
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g2.setColor(Color.BLACK);
            FontMetrics fm = g2.getFontMetrics();
            String label = Comparison.label(row.variant());
            g2.drawString(label, barLeft - 10 - fm.stringWidth(label), y + BAR_HEIGHT - 6);

            int length = (int) Math.max(1, Math.round(r.score() / max * barSpace));
            g2.setColor(color(row.variant()));
            g2.fillRect(barLeft, y, length, BAR_HEIGHT);

            if (!Double.isNaN(r.scoreError()) && r.scoreError() > 0) {
                int lo = barLeft + (int) Math.round(Math.max(0, r.score() - r.scoreError()) / max * barSpace);
                int hi = barLeft + (int) Math.round(Math.min(max, r.score() + r.scoreError()) / max * barSpace);
                int mid = y + BAR_HEIGHT / 2;
                g2.setColor(Color.BLACK);
                g2.setStroke(new BasicStroke(1.2f));
                g2.drawLine(lo, mid, hi, mid);
                g2.drawLine(lo, mid - 5, lo, mid + 5);
                g2.drawLine(hi, mid - 5, hi, mid + 5);
            }

            g2.setColor(Color.BLACK);
            String value = String.format(Locale.ROOT, "%.1f %s   %.2f×   %s   %s B/op", r.score(), r.unit(), row.ratio(),
                    Comparison.delta(row), Comparison.bytes(r.bytesPerOp()));
            g2.drawString(value, barLeft + barSpace + 12, y + BAR_HEIGHT - 6);
            y += BAR_HEIGHT + BAR_GAP;
        }
        g2.setColor(new Color(0xDDDDDD));
        g2.drawLine(MARGIN, y + PANEL_GAP / 2 - 4, WIDTH - MARGIN, y + PANEL_GAP / 2 - 4);
        return y + PANEL_GAP;
    }

    private static Color color(String variant) {
        return switch (variant) {
            case "Baseline" -> new Color(0x9E9E9E);
            case "Tokenkeeper" -> new Color(0x2E7D32);
            case "AwsCachedSupplier" -> new Color(0xEF8F00);
            case "GoogleOAuth2" -> new Color(0x1565C0);
            default -> new Color(0x6A1B9A);
        };
    }
}
