package io.mailconfig.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.ItemReader;
import io.mailconfig.store.dynamodb.PlainValues;
import io.mailconfig.store.dynamodb.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one sample provider (Example Mail: example.com, example.net and example.org; IMAP with a
 * STARTTLS backup, POP3, SMTP on 465 and 587, CalDAV and CardDAV), as the table items in
 * {@value #RESOURCE}. The local run loads it into DynamoDB Local, the benchmarks read it from
 * there, and SnapStart priming answers from it in memory. Every sample request in
 * {@code events/samples/} answers 200 for it.
 */
public final class SampleProvider {

    public static final String RESOURCE = "provider.json";
    /** The domain the sample requests ask about. */
    public static final String DOMAIN = "example.com";

    private SampleProvider() {
    }

    /** The items, as the DynamoDB console shows them with "View DynamoDB JSON" off. */
    public static List<Map<String, AttributeValue>> items() {
        try (InputStream json = SampleProvider.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("the sample provider is missing from the class path: " + RESOURCE);
            }
            List<Map<String, Object>> plain = new ObjectMapper().readValue(json, new TypeReference<>() { });
            return plain.stream().map(PlainValues::item).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the sample provider cannot be read", e);
        }
    }

    /** The sample provider held in memory, read by the same {@link ItemReader} as the table. */
    public static ConfigStore store() {
        List<Map<String, AttributeValue>> items = items();
        String providerId = items.getFirst().get(Table.PARTITION_KEY).s().substring(Table.PROVIDER_PREFIX.length());
        ProviderConfig provider = ItemReader.read(providerId, items).config();
        return domain -> provider.domain(domain).map(found -> DomainConfig.within(found, provider));
    }
}
