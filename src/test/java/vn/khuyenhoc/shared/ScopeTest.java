package vn.khuyenhoc.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single scope check: a prefix test on materialized paths that always end with a slash. */
class ScopeTest {

    private final Scope province2 = new Scope(2, "/1/2/", 1);

    @Test
    void containsItselfAndEverythingBelow() {
        assertThat(province2.contains("/1/2/")).isTrue();
        assertThat(province2.contains("/1/2/36/")).isTrue();
        assertThat(province2.contains("/1/2/36/4100/")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1/22/", "/1/22/700/", "/1/20/", "/1/2", "/1/", "/12/2/", "/1/3/2/", "2/", "", "/1//2/"})
    void isNotFooledByAnIdThatMerelyStartsWithTheSameDigits(String outside) {
        assertThat(province2.contains(outside)).as(outside).isFalse();
        assertThatThrownBy(() -> province2.requireContains(outside)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameTrapOneLevelDownAndAtTheGrassroots() {
        Scope commune = new Scope(36, "/1/2/36/", 2);
        assertThat(commune.contains("/1/2/360/")).isFalse();
        assertThat(commune.contains("/1/2/36/360/")).isTrue();
        Scope chapter = new Scope(4100, "/1/2/36/4100/", 3);
        assertThat(chapter.contains("/1/2/36/41001/")).isFalse();
        assertThat(chapter.contains("/1/2/36/")).as("a chapter does not see its own commune").isFalse();
    }

    @Test
    void nothingIsInsideWhenThePathIsUnknown() {
        assertThat(province2.contains(null)).isFalse();
        assertThatThrownBy(() -> province2.requireContains(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCentralScopeContainsTheWholeCountry() {
        Scope central = new Scope(1, "/1/", 0);
        assertThatCode(() -> central.requireContains("/1/22/744/3361/")).doesNotThrowAnyException();
        assertThat(central.contains("/10/")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1/2", "1/2/", "1/2", ""})
    void aPathWithoutBothSlashesIsRefusedSoThePrefixTestStaysSafe(String path) {
        assertThatThrownBy(() -> new Scope(2, path, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLikePatternOfTheSubtreeKeepsTheTrailingSlash() {
        assertThat(province2.likePattern()).isEqualTo("/1/2/%");
    }
}
