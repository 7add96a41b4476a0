-- Realistic Vietnamese names for the data set generator: family names weighted roughly by their frequency
-- (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % …), middle names by gender, and common given names.
CREATE SCHEMA IF NOT EXISTS generator;

CREATE OR REPLACE FUNCTION generator.family_name(r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN r < 0.38 THEN 'Nguyễn' WHEN r < 0.49 THEN 'Trần' WHEN r < 0.585 THEN 'Lê' WHEN r < 0.655 THEN 'Phạm'
        WHEN r < 0.705 THEN 'Hoàng' WHEN r < 0.74 THEN 'Huỳnh' WHEN r < 0.77 THEN 'Phan' WHEN r < 0.80 THEN 'Vũ'
        WHEN r < 0.82 THEN 'Võ' WHEN r < 0.84 THEN 'Đặng' WHEN r < 0.86 THEN 'Bùi' WHEN r < 0.88 THEN 'Đỗ'
        WHEN r < 0.895 THEN 'Hồ' WHEN r < 0.91 THEN 'Ngô' WHEN r < 0.925 THEN 'Dương' WHEN r < 0.935 THEN 'Lý'
        WHEN r < 0.945 THEN 'Đinh' WHEN r < 0.955 THEN 'Trương' WHEN r < 0.965 THEN 'Lương' WHEN r < 0.975 THEN 'Đào'
        WHEN r < 0.983 THEN 'Mai' WHEN r < 0.99 THEN 'Tạ' WHEN r < 0.995 THEN 'Lò' ELSE 'Hà' END
$$;

CREATE OR REPLACE FUNCTION generator.middle_name(female boolean, r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN female
        THEN (ARRAY['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương', 'Bích', 'Mai'])[1 + floor(r * 12)::int]
        ELSE (ARRAY['Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Duy'])[1 + floor(r * 12)::int]
    END
$$;

CREATE OR REPLACE FUNCTION generator.given_name(female boolean, r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN female
        THEN (ARRAY['Lan', 'Hương', 'Hoa', 'Mai', 'Hằng', 'Thảo', 'Linh', 'Trang', 'Ngọc', 'Nhung', 'Hà', 'Yến',
                    'Thủy', 'Hạnh', 'Dung', 'Loan', 'Huyền', 'Anh', 'Vân', 'Oanh', 'Phượng', 'Liên', 'Nga', 'Thư'])[1 + floor(r * 24)::int]
        ELSE (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam',
                    'Phong', 'Quang', 'Sơn', 'Thắng', 'Thành', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Hiếu', 'Trung', 'Khoa'])[1 + floor(r * 24)::int]
    END
$$;

CREATE OR REPLACE FUNCTION generator.full_name(female boolean, r1 double precision, r2 double precision,
                                               r3 double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT generator.family_name(r1) || ' ' || generator.middle_name(female, r2) || ' ' || generator.given_name(female, r3)
$$;
