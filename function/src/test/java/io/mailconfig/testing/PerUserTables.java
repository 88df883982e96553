package io.mailconfig.testing;

import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.TestTable.Items;
import java.util.Optional;

/**
 * Two tables for per-mailbox tests of any protocol: the example provider with USER# items, and the
 * same provider without them. A mailbox with its own item must get its settings; any other
 * mailbox must get exactly the answer of the table without USER# items, so that an answer never
 * tells which mailboxes exist.
 */
public final class PerUserTables implements AutoCloseable {

    /** Has its own login name and display name. */
    public static final String OWN_LOGIN = "carol@example.com";
    public static final String LOGIN_NAME = "c.smith";
    public static final String DISPLAY_NAME = "Carol Smith";
    /** Has only a display name: its login name is the server's template. */
    public static final String OWN_NAME_ONLY = "frank@example.com";
    public static final String FRANKS_NAME = "Frank Jones";
    /** Have no item. */
    public static final String NO_ITEM = "dave@example.com";
    public static final String NO_ITEM_EITHER = "erin@example.com";

    private final TestTable withUsers = new TestTable().withExampleProvider()
            .put(Items.user("example", OWN_LOGIN).with("loginName", LOGIN_NAME).with("displayName", DISPLAY_NAME).build())
            .put(Items.user("example", OWN_NAME_ONLY).with("displayName", FRANKS_NAME).build());
    private final TestTable withoutUsers = new TestTable().withExampleProvider();

    public MailconfigHandler withUsers() {
        return new MailconfigHandler(withUsers.store(), Optional.empty(), Request.HTTPS);
    }

    public MailconfigHandler withoutUsers() {
        return new MailconfigHandler(withoutUsers.store(), Optional.empty(), Request.HTTPS);
    }

    @Override
    public void close() {
        withUsers.close();
        withoutUsers.close();
    }
}
