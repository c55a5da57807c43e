package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void aReservationThatDoesNotFitIsRefusedUntilMemoryIsReleased() {
        MemoryBudget budget = new MemoryBudget("piece buffers", 100);

        assertThat(budget.tryReserve(60)).isTrue();
        assertThat(budget.tryReserve(41)).isFalse();
        assertThat(budget.tryReserve(40)).isTrue();
        budget.release(60);
        assertThat(budget.tryReserve(41)).isTrue();

        assertThat(budget.used()).isEqualTo(81);
        assertThat(budget.peak()).isEqualTo(100);
    }

    @Test
    void releasingMoreThanHeldIsABug() {
        MemoryBudget budget = new MemoryBudget("metadata", 100);
        budget.tryReserve(10);

        assertThatThrownBy(() -> budget.release(11)).isInstanceOf(IllegalStateException.class);
    }
}
