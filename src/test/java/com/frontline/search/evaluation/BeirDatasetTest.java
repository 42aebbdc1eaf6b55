package com.frontline.search.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeirDatasetTest {

    @TempDir
    Path dir;

    void write(String corpus, String queries, String qrels) throws IOException {
        Files.writeString(dir.resolve("corpus.jsonl"), corpus);
        Files.writeString(dir.resolve("queries.jsonl"), queries);
        Files.writeString(dir.resolve("qrels.tsv"), qrels);
    }

    @Test
    void readsCorpusQueriesAndQrelsKeepingOnlyJudgedQueries() throws IOException {
        write("""
                {"id": "d1", "title": "Refunds", "text": "Money back within 30 days."}
                {"_id": "d2", "text": "Orders ship in two days."}
                """, """
                {"id": "q1", "text": "how do I get my money back"}
                {"id": "q2", "text": "nobody judged this one"}
                {"_id": "q3", "text": "shipping time"}
                """, "query-id\tcorpus-id\tscore\nq1\td1\t1\nq3\td2\t2\nq3\td1\t0\n");

        BeirDataset data = BeirDataset.load(dir);

        assertThat(data.corpus()).containsExactly(new BeirDataset.Document("d1", "Refunds", "Money back within 30 days."),
                new BeirDataset.Document("d2", "", "Orders ship in two days."));
        assertThat(data.queries()).extracting(BeirDataset.Query::id).containsExactly("q1", "q3");
        // score 0 means not relevant
        assertThat(data.qrels().get("q3")).containsExactly(java.util.Map.entry("d2", 2));
    }

    @Test
    void limitSpreadsTheSampleOverTheFile() throws IOException {
        StringBuilder queries = new StringBuilder();
        StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
        for (int i = 0; i < 10; i++) {
            queries.append("{\"id\": \"q").append(i).append("\", \"text\": \"question ").append(i).append("\"}\n");
            qrels.append("q").append(i).append("\td1\t1\n");
        }
        write("{\"id\": \"d1\", \"text\": \"x\"}\n", queries.toString(), qrels.toString());

        assertThat(BeirDataset.load(dir).limit(3).queries()).extracting(BeirDataset.Query::id)
                .containsExactly("q0", "q3", "q6");
        assertThat(BeirDataset.load(dir).limit(50).queries()).hasSize(10);
    }

    @Test
    void namesTheFileAndLineOfWhatItCannotRead() throws IOException {
        write("{\"id\": \"d1\", \"text\": \"x\"}\nnot json\n", "{\"id\": \"q1\", \"text\": \"y\"}\n", "q1\td1\t1\n");
        assertThatThrownBy(() -> BeirDataset.load(dir)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("corpus.jsonl line 2 is not JSON");

        write("{\"text\": \"x\"}\n", "{\"id\": \"q1\", \"text\": \"y\"}\n", "q1\td1\t1\n");
        assertThatThrownBy(() -> BeirDataset.load(dir)).hasMessageContaining("corpus.jsonl line 1 has no id");

        write("{\"id\": \"d1\", \"text\": \"x\"}\n", "{\"id\": \"q1\", \"text\": \"y\"}\n", "h\th\th\nq1\td1\tvery\n");
        assertThatThrownBy(() -> BeirDataset.load(dir)).hasMessageContaining("qrels.tsv line 2: score 'very'");

        write("{\"id\": \"d1\", \"text\": \"x\"}\n", "{\"id\": \"q1\", \"text\": \"y\"}\n", "q9\td1\t1\n");
        assertThatThrownBy(() -> BeirDataset.load(dir)).hasMessageContaining("No query");
    }

    @Test
    void refusesAFolderWithoutTheThreeFiles() throws IOException {
        assertThatThrownBy(() -> BeirDataset.load(dir.resolve("missing"))).hasMessageContaining("is not a directory");
        Files.writeString(dir.resolve("corpus.jsonl"), "");
        assertThatThrownBy(() -> BeirDataset.load(dir)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("queries.jsonl is missing");
    }
}
