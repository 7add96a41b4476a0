package vn.khuyenhoc.shared.spreadsheet;

import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many uploaded spreadsheets this instance reads at once, whatever they are (member rosters, communes'
 * denominators): reading a large or hostile file takes memory and a core for a while, and two at once on a small
 * server is plenty (issue 16). The next uploader is told to try again shortly instead of waiting or slowing everyone.
 */
@Component
public class UploadSlots {

    private final Semaphore slots;

    public UploadSlots(@Value("${khuyenhoc.import.concurrent:2}") int concurrentImports) {
        this.slots = new Semaphore(concurrentImports);
    }

    /** A slot to read one file in, given back when closed; empty when every slot is taken. */
    public Optional<Slot> tryTake() {
        return slots.tryAcquire() ? Optional.of(new Slot(slots)) : Optional.empty();
    }

    /** One upload being read; closing it frees the slot (once). */
    public static final class Slot implements AutoCloseable {
        private final Semaphore slots;
        private boolean closed;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                slots.release();
            }
        }
    }
}
