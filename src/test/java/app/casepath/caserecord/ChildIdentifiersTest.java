package app.casepath.caserecord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The NHS number's and the UPN's own checks, against numbers worked by hand. */
class ChildIdentifiersTest {

    @Test
    void nhsNumbersCarryAModulusElevenCheckDigit() {
        // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
        assertThat(ChildIdentifiers.validNhsNumber("9434765919")).isTrue();
        assertThat(ChildIdentifiers.validNhsNumber("9434765918")).as("wrong check digit").isFalse();
        assertThat(ChildIdentifiers.validNhsNumber("943476591")).as("nine digits").isFalse();
        assertThat(ChildIdentifiers.validNhsNumber("94347659190")).as("eleven digits").isFalse();
        // Remainder 1 makes a check digit of 10: no such NHS number exists.
        assertThat(ChildIdentifiers.validNhsNumber("1000000010")).isFalse();
        // Remainder 0 makes a check digit of 11, written 0.
        assertThat(ChildIdentifiers.validNhsNumber("0000000000")).isTrue();
    }

    @Test
    void upnsCarryACheckLetter() {
        // 304 (LA) 2345 (school) 26 (year) 001 (serial): weights 2..13 give
        // 3×2 + 0×3 + 4×4 + 2×5 + 3×6 + 4×7 + 5×8 + 2×9 + 6×10 + 0×11 + 0×12 + 1×13 = 209; 209 mod 23 = 2: C.
        assertThat(ChildIdentifiers.validUpn("C304234526001")).isTrue();
        assertThat(ChildIdentifiers.validUpn("D304234526001")).as("wrong check letter").isFalse();
        assertThat(ChildIdentifiers.validUpn("C30423452600")).as("twelve characters").isFalse();
        // A temporary UPN ends in a letter, valued as its place among the check letters (A = 0):
        // 209 − 13 + 0×13 = 196; 196 mod 23 = 12: N.
        assertThat(ChildIdentifiers.validUpn("N30423452600A")).isTrue();
        assertThat(ChildIdentifiers.validUpn("N30423452600I")).as("I is no check letter").isFalse();
    }
}
