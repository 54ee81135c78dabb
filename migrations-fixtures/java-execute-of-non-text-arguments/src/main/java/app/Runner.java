package app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Starts the workers and runs the command line: execute() here runs tasks, not SQL. */
public class Runner {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Worker fallback = new Worker();

    public int main(ApplicationContext context, String... args) {
        Worker worker = new Worker();
        pool.execute(worker);
        pool.execute(fallback);
        pool.execute(context.getBean(Indexer.class));
        return new CommandLine(new Runner()).execute(args);
    }

    /** The statement text arrives at run time: left unchecked. */
    public void runScript(Connection conn, String script) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(script);
        }
    }

    public void requeue(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("UPDATE jobs SET state = 'queued', attempts = attempts + 1 WHERE state = 'failed'");
        }
    }

    static class Worker implements Runnable {
        public void run() {}
    }

    interface Indexer extends Runnable {}
}
