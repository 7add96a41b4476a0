package vn.khuyenhoc.criteria;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.registration.ScoreRequirement;
import vn.khuyenhoc.registration.TitleKind;

/** Tells the evaluation when a recognition needs scores: a complete set applies, and then only passing scores do. */
@Component
class CriteriaScoreRequirement implements ScoreRequirement {

    private final CriteriaService criteria;
    private final JdbcClient jdbc;

    CriteriaScoreRequirement(CriteriaService criteria, JdbcClient jdbc) {
        this.criteria = criteria;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean needsScores(TitleKind kind, int year) {
        return criteria.scoring(kind, year).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allowsRecognition(long registrationId, TitleKind kind, int year) {
        return !needsScores(kind, year) || jdbc.sql("SELECT passed FROM title_evaluation WHERE registration_id = :id")
                .param("id", registrationId).query(Boolean.class).optional().orElse(false);
    }
}
