package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The detection of an export's header rows, for layouts found in real exports. */
class HeaderRowsTest {

    /**
     * An older SurveyMonkey export names the first column {@code RespondentID}, and a published one
     * may have lost {@code Collector ID}: columns 1, 2, 4, 5 and 34 of the two header rows and the
     * first data row of fivethirtyeight/data star-wars-survey/StarWars.csv (CC BY 4.0).
     */
    @Test
    void surveyMonkeyWithRespondentIdInOneWordAndNoCollectorId() {
        String[] row1 = {"RespondentID", "Have you seen any of the 6 films in the Star Wars franchise?",
            "Which of the following Star Wars films have you seen? Please select all that apply.", "", "Gender"};
        String[] row2 = {"", "Response", "Star Wars: Episode I  The Phantom Menace",
            "Star Wars: Episode II  Attack of the Clones", "Response"};
        String[] data = {"3292879998", "Yes", "Star Wars: Episode I  The Phantom Menace",
            "Star Wars: Episode II  Attack of the Clones", "Male"};
        HeaderRows header = HeaderRows.detect(List.of(row1, row2, data), 1);
        assertThat(header.format()).isEqualTo(ExportFormat.SURVEYMONKEY);
        assertThat(header.rows()).isEqualTo(2);
        assertThat(header.names()).containsExactly("RespondentID",
                "Have you seen any of the 6 films in the Star Wars franchise?",
                "Which of the following Star Wars films have you seen? Please select all that apply. - Star Wars: Episode I  The Phantom Menace",
                "Which of the following Star Wars films have you seen? Please select all that apply. - Star Wars: Episode II  Attack of the Clones",
                "Gender");
    }

    /** A plain export with a respondent id column stays plain: its second row is data. */
    @Test
    void plainExportWithRespondentIdColumn() {
        String[] row1 = {"Respondent ID", "nps", "Response"};
        String[] row2 = {"17", "9", "Response"};
        HeaderRows header = HeaderRows.detect(List.of(row1, row2), 1);
        assertThat(header.format()).isEqualTo(ExportFormat.PLAIN);
        assertThat(header.rows()).isEqualTo(1);
    }
}
