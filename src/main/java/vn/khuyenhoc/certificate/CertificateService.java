package vn.khuyenhoc.certificate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.criteria.ScoringService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationStatus;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;

/**
 * The certificates of recognised titles, printed by the node that recognised them: all those of one decision in a
 * single PDF (the commune prints a whole decision at once for the year-end ceremony), or one. Only the recognising
 * node's staff print (others in scope 403, outside it 404).
 */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private final EvaluationService evaluation;
    private final ScoringService scoring;
    private final OrgUnitService orgUnits;
    private final CertificatePdf pdf;
    private final MessageSource messages;

    CertificateService(EvaluationService evaluation, ScoringService scoring, OrgUnitService orgUnits,
            CertificatePdf pdf, MessageSource messages) {
        this.evaluation = evaluation;
        this.scoring = scoring;
        this.orgUnits = orgUnits;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** The PDF of every registration one decision of the node recognised; 404 when it recognised none. */
    public byte[] decision(Staff staff, long nodeId, String decisionNumber, String signer, Locale locale) {
        OrgUnitView node = evaluation.recogniser(staff, nodeId);
        List<RegistrationView> recognised = evaluation.recognisedBy(staff, nodeId, decisionNumber == null ? "" : decisionNumber);
        if (recognised.isEmpty()) {
            throw new NotFoundException();
        }
        return write(node, recognised, signer, locale);
    }

    /** The PDF of one recognised registration; 404 unless it is recognised. */
    public byte[] one(Staff staff, long registrationId, String signer, Locale locale) {
        RegistrationView registration = evaluation.getToEvaluate(staff, registrationId);
        if (registration.status() != RegistrationStatus.RECOGNISED) {
            throw new NotFoundException();
        }
        return write(orgUnits.get(staff.scope(), registration.recognisingNodeId()), List.of(registration), signer, locale);
    }

    private byte[] write(OrgUnitView node, List<RegistrationView> registrations, String signer, Locale locale) {
        Map<Long, String> grades = scoring.grades(registrations.stream().map(RegistrationView::id).toList());
        String association = messages.getMessage(node.level() == 0 ? "certificate.association.central"
                : "certificate.association", new Object[] {node.name()}, locale);
        String signedBy = Text.clean(signer);
        if (signedBy == null || signedBy.isEmpty() || signedBy.length() > 100) {
            signedBy = messages.getMessage("certificate.signerDefault", null, locale);
        }
        String by = signedBy;
        List<Certificate> certificates = registrations.stream().map(r -> new Certificate(association,
                messages.getMessage("registration.kind." + r.kind(), null, locale), r.year(), r.subject().name(),
                details(r, locale), grades.get(r.id()), r.decisionNumber(), r.decisionDate(), by)).toList();
        return pdf.write(certificates, locale);
    }

    private String details(RegistrationView r, Locale locale) {
        if (r.subject().address() != null) {
            return r.subject().address() + " · " + r.nodeName();
        }
        if (r.subject().birthYear() != null) {
            return messages.getMessage("certificate.bornIn", new Object[] {String.valueOf(r.subject().birthYear()),
                    r.nodeName()}, locale);
        }
        return r.nodeId() == r.recognisingNodeId() ? null : r.nodeName();
    }
}
