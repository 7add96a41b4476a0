package vn.khuyenhoc.certificate;

import java.time.LocalDate;

/**
 * What one printed certificate says, already in the reader's language: who or what is recognised, the title and
 * year, the decision, the recognising association and the signer's title.
 *
 * @param details an address, a registering unit, or null
 * @param grade   the grade or level the evaluation gave (a learning commune's level), or null
 */
record Certificate(String association, String title, int year, String subject, String details, String grade,
        String decisionNumber, LocalDate decisionDate, String signer) {
}
