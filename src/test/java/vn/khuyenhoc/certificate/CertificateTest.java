package vn.khuyenhoc.certificate;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;
import vn.khuyenhoc.support.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** A commune prints the certificates of a whole decision as one PDF, read back here with PDFBox. */
@IntegrationTest
class CertificateTest {

    static final int YEAR = Today.inVietnam().getYear();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n").param("n", name)
                .query(Long.class).single();
    }

    @Test
    void aCommunePrintsAWholeDecisionAsOnePdfWithTheNamesInVietnamese() throws Exception {
        OrgUnitView commune = tree.unit("06706"); // Phường Tuần Châu
        OrgUnitView unit = tree.newChapter("06706");
        Staff communeStaff = tree.staffOf(commune);
        Staff secretary = tree.staffOf(unit);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String family = "Nguyễn Thị Hằng " + tag;
        String community = "Tổ dân phố Đồng Đăng " + tag;
        String clan = "Dòng họ Đặng " + tag;
        post(secretary, "/units/" + unit.id() + "/registrations", "kind", "FAMILY", "year", String.valueOf(YEAR),
                "subjectName", family, "address", "Tổ 7, Khu Bãi Cháy", "householdSize", "5")
                .andExpect(status().is3xxRedirection());
        post(secretary, "/units/" + unit.id() + "/registrations", "kind", "COMMUNITY", "year", String.valueOf(YEAR),
                "subjectName", community).andExpect(status().is3xxRedirection());
        post(communeStaff, "/units/" + commune.id() + "/registrations", "kind", "CLAN", "year", String.valueOf(YEAR),
                "subjectName", clan, "representative", "Đặng Văn Đức").andExpect(status().is3xxRedirection());
        String decision = "88/QĐ-KH " + tag;
        post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                "selected", idOf(family) + ":0", "selected", idOf(community) + ":0", "selected", idOf(clan) + ":0",
                "result", "RECOGNISED", "decisionNumber", decision, "decisionDate", YEAR + "-01-04")
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/units/" + commune.id() + "/evaluation").param("year", String.valueOf(YEAR)).with(as(communeStaff)))
                .andExpect(content().string(containsString("certificates.pdf?decision=")));
        byte[] pdf = mvc.perform(get("/units/" + commune.id() + "/certificates.pdf").param("decision", decision)
                        .with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isGreaterThan(size.getHeight()); // A5 landscape: 595 × 420 points
            assertThat(Math.round(size.getWidth())).isEqualTo(595);
            assertThat(Math.round(size.getHeight())).isEqualTo(420);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(family).contains(community).contains(clan)
                    .contains("GIẤY CÔNG NHẬN").contains("GIA ĐÌNH HỌC TẬP").contains("DÒNG HỌ HỌC TẬP")
                    .contains("Theo Quyết định số " + decision + " ngày 04/01/" + YEAR)
                    .contains("HỘI KHUYẾN HỌC " + commune.name().toUpperCase(new java.util.Locale("vi")))
                    .contains("CHỦ TỊCH").contains("năm " + YEAR);
            // the font is embedded (a subset of DejaVu Sans), never a base-14 font without Vietnamese letters
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        }
        // one certificate from the registration's page, in English with the signer's title given
        long familyId = idOf(family);
        mvc.perform(get("/registrations/" + familyId).with(as(communeStaff)))
                .andExpect(content().string(containsString("id=\"certificate\"")));
        byte[] one = mvc.perform(get("/registrations/" + familyId + "/certificate.pdf").param("lang", "en")
                        .param("signer", "VICE PRESIDENT").with(as(communeStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(one)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains(family).contains("CERTIFICATE OF RECOGNITION")
                    .contains("VICE PRESIDENT").contains("LEARNING FAMILY");
        }
    }

    @Test
    void onlyTheRecognisingNodePrints() throws Exception {
        OrgUnitView commune = tree.unit("06706");
        OrgUnitView unit = tree.newChapter("06706");
        Staff communeStaff = tree.staffOf(commune);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String community = "Khu Hùng Thắng " + tag;
        post(tree.staffOf(unit), "/units/" + unit.id() + "/registrations", "kind", "COMMUNITY", "year",
                String.valueOf(YEAR), "subjectName", community).andExpect(status().is3xxRedirection());
        long id = idOf(community);
        String decision = "5/QĐ-KH " + tag;
        String decisionUrl = "/units/" + commune.id() + "/certificates.pdf";
        String oneUrl = "/registrations/" + id + "/certificate.pdf";
        // not recognised yet: nothing to print
        mvc.perform(get(oneUrl).with(as(communeStaff))).andExpect(status().isNotFound());
        post(communeStaff, "/registrations/" + id + "/evaluation", "result", "RECOGNISED", "decisionNumber", decision,
                "decisionDate", YEAR + "-01-04", "version", "0").andExpect(status().is3xxRedirection());
        mvc.perform(get(oneUrl).with(as(communeStaff))).andExpect(status().isOk());
        mvc.perform(get(decisionUrl).param("decision", "no such decision").with(as(communeStaff)))
                .andExpect(status().isNotFound());
        // outside the subtree: 404
        for (Staff outsider : new Staff[] {tree.staffOf(tree.unit("06688")), tree.staffOf(tree.unit("01")),
                tree.staffOf(tree.newChapter("06706"))}) {
            mvc.perform(get(decisionUrl).param("decision", decision).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(oneUrl).with(as(outsider))).andExpect(status().isNotFound());
        }
        // inside it, not the recognising node: 403
        for (Staff reader : new Staff[] {tree.staffOf(tree.unit("22")), tree.staffOf(tree.central())}) {
            mvc.perform(get(decisionUrl).param("decision", decision).with(as(reader))).andExpect(status().isForbidden());
            mvc.perform(get(oneUrl).with(as(reader))).andExpect(status().isForbidden());
        }
        mvc.perform(get(oneUrl).with(as(tree.staffOf(unit)))).andExpect(status().isForbidden());
    }
}
