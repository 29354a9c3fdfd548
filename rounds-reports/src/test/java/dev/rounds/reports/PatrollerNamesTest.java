package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports name patrollers: by the name given, "#id" without one, "name (#id)" where two share it. */
class PatrollerNamesTest {
    final TinyBlock block = new TinyBlock();

    @Test
    void namesIdsAndSharedNames() {
        assertThat(PatrolReport.shownNames(List.of("1", "2", "3", "4"), Map.of("1", "Eve", "2", "Eve ", "3", " ",
                "4", "Jiří"))).containsExactlyInAnyOrderEntriesOf(Map.of("1", "Eve (#1)", "2", "Eve (#2)", "3", "#3",
                "4", "Jiří"));
        assertThat(PatrolReport.shownNames(List.of("1"), Map.of("1", "Eve", "2", "Eve")))
                .as("a namesake outside the report needs no id").containsEntry("1", "Eve");
    }

    @Test
    void withoutNamesTheReportShowsIds() throws IOException {
        PatrolReport report = block.report();
        assertThat(report.patrollerName("p1")).isEqualTo("#p1");
        assertThat(html(report)).contains("<td>#p1</td>");
    }

    @Test
    void theScopeAndTheEmptyPeriodNameThePatroller() throws IOException {
        ReportInput named = block.input(TinyBlock.at(-60), TinyBlock.at(120)).withPatrollerNames(Map.of("p1", "Eve"));
        PatrolReport report = new ReportBuilder().build(named.forPatroller("p1"));
        assertThat(ReportText.scope(report)).endsWith(", patroller Eve");
        assertThat(html(report)).contains("<td>Eve</td>").doesNotContain("#p1");
        PatrolReport empty = new ReportBuilder().build(block.input(TinyBlock.at(600), TinyBlock.at(700))
                .withPatrollerNames(Map.of("p1", "Eve")).forPatroller("p1"));
        assertThat(empty.noDataMessage()).endsWith(" for patroller Eve.");
    }

    private static String html(PatrolReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
