package io.mailconfig.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.model.MailServer;
import io.mailconfig.testing.TestTable.Items;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemIdOrderTest {

    @Test
    void numbersInIdsCompareByValueAndTheRestByCharacter() {
        List<String> ids = new ArrayList<>(List.of("smtp-30", "smtp-9", "smtp-100", "imap", "smtp-09", "smtp-9a", "smtp-10"));
        ids.sort(ItemIdOrder.INSTANCE);

        assertThat(ids).containsExactly("imap", "smtp-09", "smtp-9", "smtp-9a", "smtp-10", "smtp-30", "smtp-100");
    }

    @Test
    void itIsATotalOrderConsistentWithEquals() {
        assertThat(ItemIdOrder.INSTANCE.compare("a-01", "a-1")).isNotZero().isEqualTo(-ItemIdOrder.INSTANCE.compare("a-1", "a-01"));
        assertThat(ItemIdOrder.INSTANCE.compare("x12345678901234567890", "x12345678901234567891")).isNegative();
        assertThat(ItemIdOrder.INSTANCE.compare("same", "same")).isZero();
    }

    @Test
    void serversOfEqualPriorityKeepTheOrderOfTheirIdsWhateverOrderTheItemsComeIn() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(
                Items.provider("p", "P", "P").build(),
                Items.server("p", "smtp-30", "smtp", "thirty.example.com", 587, "STARTTLS", 10).build(),
                Items.server("p", "smtp-9", "smtp", "nine.example.com", 587, "STARTTLS", 10).build(),
                Items.server("p", "smtp-100", "smtp", "hundred.example.com", 587, "STARTTLS", 10).build(),
                Items.server("p", "smtp-backup", "smtp", "backup.example.com", 587, "STARTTLS", 5).build()));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(items, new java.util.Random(shuffle));

            assertThat(ItemReader.read("p", items).config().outgoingServers()).extracting(MailServer::hostname)
                    .containsExactly("backup.example.com", "nine.example.com", "thirty.example.com", "hundred.example.com");
        }
    }
}
