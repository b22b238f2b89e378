package org.cpt4j.internal.store;

import java.nio.file.Path;

/** A process that takes a directory's lock, says so on standard output, and holds it until it is killed. */
final class DirectoryLockHolder {

    private DirectoryLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]), "test directory");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
