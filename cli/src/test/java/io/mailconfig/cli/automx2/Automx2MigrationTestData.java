package io.mailconfig.cli.automx2;

import java.nio.file.Path;

/** The automx2 installation of {@link Automx2MigrationTest}, for tests in other packages. */
public final class Automx2MigrationTestData {

    private Automx2MigrationTestData() {
    }

    public static Path database(Path directory) throws Exception {
        return Automx2MigrationTest.automx2Database(directory);
    }
}
