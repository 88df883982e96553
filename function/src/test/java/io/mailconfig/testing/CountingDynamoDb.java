package io.mailconfig.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A DynamoDB client that counts the calls made through it and the items they returned. */
public final class CountingDynamoDb {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger items = new AtomicInteger();
    private final DynamoDbClient client;

    public CountingDynamoDb(DynamoDbClient backend) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof DynamoDbResponse) {
                        calls.incrementAndGet();
                    }
                    if (result instanceof QueryResponse query) {
                        items.addAndGet(query.count());
                    }
                    return result;
                });
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Calls that returned a response, of any operation. */
    public int calls() {
        return calls.get();
    }

    /** Items that queries returned. */
    public int items() {
        return items.get();
    }

    public void reset() {
        calls.set(0);
        items.set(0);
    }
}
