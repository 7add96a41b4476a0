-- The criteria sets the project ships (DESIGN.md §10), each with its source. What the sources at hand do not give
-- is left for national staff to complete on the criteria pages (a new version): the learning citizen's indicator
-- wording (numbered here, with the split of the ten indicators among the three competency groups to be checked
-- against the online form), the learning unit's criteria wording, and the learning family's third and fourth
-- criteria and its pass mark (the set stays incomplete, and families are decided without scores, until then).

WITH s AS (
    INSERT INTO criteria_set (kind, from_year, version, name, source, min_total, created_by)
    VALUES ('CITIZEN', 2021, 1, 'Bộ tiêu chí đánh giá, công nhận "Công dân học tập"',
            'Quyết định 324/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam; bộ công cụ đánh giá trực tuyến tại congdanhoctap.vn. 3 nhóm năng lực, 10 chỉ số × 10 điểm; công nhận khi đạt từ 80 điểm và không chỉ số nào dưới 5 điểm. (Nội dung từng chỉ số và cách chia 10 chỉ số vào 3 nhóm: cán bộ Trung ương Hội đối chiếu với phiếu đánh giá.)',
            80, 'system')
    RETURNING id)
INSERT INTO criterion (set_id, position, group_name, name, name_en, max_points, min_points)
SELECT s.id, c.position, c.group_name, c.name, c.name_en, 10, 5
FROM s CROSS JOIN (VALUES
    (1, 'Nhóm 1. Năng lực tự học và học tập suốt đời', 'Chỉ số 1', 'Indicator 1'),
    (2, 'Nhóm 1. Năng lực tự học và học tập suốt đời', 'Chỉ số 2', 'Indicator 2'),
    (3, 'Nhóm 1. Năng lực tự học và học tập suốt đời', 'Chỉ số 3', 'Indicator 3'),
    (4, 'Nhóm 1. Năng lực tự học và học tập suốt đời', 'Chỉ số 4', 'Indicator 4'),
    (5, 'Nhóm 2. Năng lực sử dụng công cụ tương tác', 'Chỉ số 5', 'Indicator 5'),
    (6, 'Nhóm 2. Năng lực sử dụng công cụ tương tác', 'Chỉ số 6', 'Indicator 6'),
    (7, 'Nhóm 2. Năng lực sử dụng công cụ tương tác', 'Chỉ số 7', 'Indicator 7'),
    (8, 'Nhóm 3. Năng lực quan hệ xã hội', 'Chỉ số 8', 'Indicator 8'),
    (9, 'Nhóm 3. Năng lực quan hệ xã hội', 'Chỉ số 9', 'Indicator 9'),
    (10, 'Nhóm 3. Năng lực quan hệ xã hội', 'Chỉ số 10', 'Indicator 10')
) c (position, group_name, name, name_en);

WITH s AS (
    INSERT INTO criteria_set (kind, from_year, version, name, source, min_total, created_by)
    VALUES ('UNIT', 2020, 1, 'Bộ tiêu chí đánh giá, xếp loại "Đơn vị học tập"',
            'Thông tư 22/2020/TT-BGDĐT của Bộ Giáo dục và Đào tạo: 3 tiêu chí 30 + 30 + 40 điểm; xếp loại Tốt 85–100, Khá 70–84, Trung bình 50–69; tự đánh giá trước hết quý I năm sau. Đơn vị cấp huyện, tỉnh: Thông tư 24/2023/TT-BGDĐT (số liệu 1/1–31/12, hồ sơ trước 15/1, ít nhất 90 % cán bộ là công dân học tập). (Tên từng tiêu chí: cán bộ Trung ương Hội đối chiếu với Thông tư.)',
            50, 'system')
    RETURNING id),
c AS (
    INSERT INTO criterion (set_id, position, group_name, name, name_en, max_points, min_points)
    SELECT s.id, c.position, NULL, c.name, c.name_en, c.max_points, NULL
    FROM s CROSS JOIN (VALUES
        (1, 'Tiêu chí 1', 'Criterion 1', 30),
        (2, 'Tiêu chí 2', 'Criterion 2', 30),
        (3, 'Tiêu chí 3', 'Criterion 3', 40)
    ) c (position, name, name_en, max_points)
    RETURNING 1)
INSERT INTO criteria_grade (set_id, position, name, name_en, min_total)
SELECT s.id, g.position, g.name, g.name_en, g.min_total
FROM s CROSS JOIN (VALUES (1, 'Trung bình', 'Average', 50), (2, 'Khá', 'Fair', 70), (3, 'Tốt', 'Good', 85))
    g (position, name, name_en, min_total);

WITH s AS (
    INSERT INTO criteria_set (kind, from_year, version, name, source, min_total, created_by)
    VALUES ('FAMILY', 2016, 1, 'Bộ tiêu chí đánh giá, công nhận "Gia đình học tập"',
            'Quyết định 448/QĐ-KHVN ngày 1/12/2015 của Trung ương Hội Khuyến học Việt Nam. Tiêu chí 1 và 2 có điểm; nội dung thứ ba của tiêu chí 2, tiêu chí 3 (điều kiện học tập), tiêu chí 4 (hiệu quả học tập) và mức điểm công nhận chưa có trong tài liệu: cán bộ Trung ương Hội bổ sung.',
            NULL, 'system')
    RETURNING id)
INSERT INTO criterion (set_id, position, group_name, name, name_en, max_points, min_points)
SELECT s.id, c.position, c.group_name, c.name, c.name_en, c.max_points, NULL
FROM s CROSS JOIN (VALUES
    (1, 'Tiêu chí 1. Con em trong gia đình học tập (30 điểm)',
        'Trẻ em trong độ tuổi đến trường, hoàn thành phổ cập giáo dục', 'Children of school age in school, completing universal education', 10),
    (2, 'Tiêu chí 1. Con em trong gia đình học tập (30 điểm)',
        'Kết quả học tập từ trung bình, hạnh kiểm từ khá trở lên', 'Results at least average, conduct at least good', 10),
    (3, 'Tiêu chí 1. Con em trong gia đình học tập (30 điểm)',
        'Lễ phép, tham gia các hoạt động ở địa phương', 'Courteous, taking part in local activities', 10),
    (4, 'Tiêu chí 2. Người lớn trong gia đình học tập (30 điểm)',
        'Người từ 19 đến 60 tuổi biết chữ', 'Adults aged 19 to 60 literate', 10),
    (5, 'Tiêu chí 2. Người lớn trong gia đình học tập (30 điểm)',
        'Mỗi người lớn học ít nhất một chuyên đề trong năm', 'Each adult learns at least one topic a year', 10),
    (6, 'Tiêu chí 2. Người lớn trong gia đình học tập (30 điểm)',
        'Nội dung thứ ba (30 − 10 − 10 điểm; cần bổ sung tên)', 'Third item (name to be completed)', 10),
    (7, 'Tiêu chí 3. Điều kiện học tập', 'Điều kiện học tập (cần bổ sung)', 'Learning conditions (to be completed)', NULL),
    (8, 'Tiêu chí 4. Hiệu quả học tập', 'Hiệu quả học tập (cần bổ sung)', 'Effect of learning (to be completed)', NULL)
) c (position, group_name, name, name_en, max_points);
