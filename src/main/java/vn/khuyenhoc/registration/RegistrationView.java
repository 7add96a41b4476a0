package vn.khuyenhoc.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A registration as pages and other features see it (never the entity).
 *
 * @param nodeId   the registering node: a grassroots unit (families, communities, citizens) or the commune (clans,
 *                 learning units)
 * @param nodeName that node's name, for the commune's lists
 * @param recognisingNodeId the node whose staff evaluate it and decide (see {@link TitleKind})
 */
public record RegistrationView(long id, long provinceId, long communeId, long recognisingNodeId, long nodeId,
        String nodeName, int year,
        TitleKind kind, Subject subject, Long memberId, RegistrationStatus status, String decisionNumber,
        LocalDate decisionDate, RecognisingLevel recognisingLevel, OffsetDateTime evaluatedAt, String evaluatedBy,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, long version) {

    static RegistrationView of(TitleRegistration r, String nodeName) {
        return new RegistrationView(r.getId(), r.getProvinceId(), r.getCommuneId(), r.getRecognisingNodeId(),
                r.getNodeId(), nodeName,
                r.getYear(), r.getKind(), r.subject(), r.getMemberId(), r.getStatus(), r.getDecisionNumber(),
                r.getDecisionDate(), r.getRecognisingLevel(), r.getEvaluatedAt(), r.getEvaluatedBy(),
                r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(), r.getVersion());
    }

    public boolean isRegistered() {
        return status == RegistrationStatus.REGISTERED;
    }

    public boolean isWithdrawn() {
        return status == RegistrationStatus.WITHDRAWN;
    }

    /** The value of a bulk-evaluation checkbox: the id and the version the user saw. */
    public String selectionValue() {
        return id + ":" + version;
    }
}
