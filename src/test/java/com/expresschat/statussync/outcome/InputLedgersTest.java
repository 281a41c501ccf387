package com.expresschat.statussync.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.UnitOfWorkHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * InputLedgers ties a claimed input's journal to the end of its exchange (§5): the journal is removed only after the
 * file consumer's completion has moved the input out of its claim, so that a crash between the two never leaves a
 * claimed input without its journal (which would send it again from its first line); and a claim that is still
 * there after the completion (the move failed) keeps its journal for the next start.
 */
class InputLedgersTest {

    @TempDir
    Path dir;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private Folders folders;
    private Path claimed;
    private Path journal;

    @BeforeEach
    void claimedInput() throws Exception {
        folders = new Folders(dir.resolve("inbox"), dir.resolve("done"), dir.resolve("error"));
        folders.prepare();
        claimed = folders.claims().claimed("users.txt");
        Files.writeString(claimed, String.format("%024x%n", 1));
        journal = Claims.journalBeside(claimed, Claims.identityOf(claimed));
    }

    @Test
    void theJournalIsRemovedOnlyAfterTheConsumerHasMovedTheInputOutOfItsClaim() throws Exception {
        List<Boolean> journalAtTheMove = new ArrayList<>();
        Exchange exchange = exchangeWithConsumerCompletion(() -> {
            journalAtTheMove.add(Files.exists(journal));
            Files.move(claimed, folders.done().resolve("users.txt"));
        });

        deliverOneBatch(exchange);
        assertThat(journal).as("journaled while delivered").exists();
        complete(exchange);

        assertThat(journalAtTheMove).as("the journal when the consumer moved the input").containsExactly(true);
        assertThat(journal).as("removed once the input left its claim").doesNotExist();
    }

    @Test
    void anInputStillClaimedAfterItsCompletionKeepsItsJournal() throws Exception {
        Exchange exchange = exchangeWithConsumerCompletion(() -> {
            // the move failed: the input stays claimed
        });

        deliverOneBatch(exchange);
        complete(exchange);

        assertThat(claimed).exists();
        assertThat(journal).as("kept: the next start puts the input back and resumes from it").exists();
    }

    /** An exchange as the file consumer makes it: its own completion (order 0) registered before anything else. */
    private Exchange exchangeWithConsumerCompletion(Move move) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange completed) {
                try {
                    move.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onFailure(Exchange failed) {
            }
        });
        return exchange;
    }

    private void deliverOneBatch(Exchange exchange) throws Exception {
        InputLedgers ledgers = new InputLedgers(folders, new ObjectMapper(), Clock.systemUTC(), 1_000,
                Duration.ofMinutes(1), 1, null);
        InputLedger ledger = ledgers.open(Samples.fileInput("users.txt", claimed), exchange);
        ledger.record(Samples.delivered(1, 1));
    }

    /** What the exchange's unit of work does when it is done: its completions, in Camel's order. */
    private static void complete(Exchange exchange) {
        UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
    }

    @FunctionalInterface
    private interface Move {
        void run() throws Exception;
    }
}
