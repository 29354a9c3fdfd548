package dev.rounds.reports;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format to a stream (the caller opens and closes it). */
public interface ReportWriter {
    void write(PatrolReport report, OutputStream out) throws IOException;
}
