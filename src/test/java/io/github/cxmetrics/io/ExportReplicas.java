package io.github.cxmetrics.io;

/**
 * Replicas of survey-tool exports shared by the library's and the command line's tests, with the
 * expected numbers worked out by hand in the tests that use them.
 */
public final class ExportReplicas {
    /**
     * A Qualtrics export (current layout) with {@code "timeZone":"Europe/Amsterdam"} on the date
     * columns, an NPS question {@code Q1} with its {@code Q1_NPS_GROUP}, two previews/spam and one
     * unfinished response. Recorded in Amsterdam: 2025-01-31 23:30 and 2025-02-01 00:30 (both
     * January in UTC), then February.
     */
    public static final String QUALTRICS = "StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,Q1,Q1_NPS_GROUP,Q2\n"
                + "Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,"
                + "\"How likely are you to recommend us, on a scale of 0-10?\",How likely - Group,Any comments?\n"
                + "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Europe/Amsterdam\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"Europe/Amsterdam\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"progress\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"Europe/Amsterdam\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"QID1_NPS_GROUP\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\n"
                // 2025-01-31 23:30 in Amsterdam is 22:30 UTC: January
                + "2025-01-31 23:00:00,2025-01-31 23:30:00,IP Address,100,True,2025-01-31 23:30:00,R_1,10,Promoter,fine\n"
                // 2025-02-01 00:30 in Amsterdam is 2025-01-31 23:30 UTC: still January
                + "2025-02-01 00:20:00,2025-02-01 00:30:00,IP Address,100,True,2025-02-01 00:30:00,R_2,6,Detractor,\"slow, \"\"very\"\" slow\"\n"
                + "2025-02-03 10:00:00,2025-02-03 10:05:00,Survey Preview,100,True,2025-02-03 10:05:00,R_3,0,Detractor,preview\n"
                + "2025-02-04 10:00:00,2025-02-04 10:05:00,Spam,100,True,2025-02-04 10:05:00,R_4,0,Detractor,spam\n"
                + "2025-02-05 10:00:00,2025-02-05 10:05:00,IP Address,40,False,2025-02-05 10:05:00,R_5,0,Detractor,\n"
                + "2025-02-06 10:00:00,2025-02-06 10:05:00,IP Address,100,True,2025-02-06 10:05:00,R_6,9,Promoter,\n"
                + "2025-02-07 10:00:00,2025-02-07 10:05:00,IP Address,100,True,2025-02-07 10:05:00,R_7,8,Passive,\n";

    private ExportReplicas() {
    }
}
