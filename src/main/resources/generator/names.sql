-- Realistic Vietnamese names for the data set generator: family names weighted roughly by their frequency
-- (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % …), middle names by gender, and common given names.
CREATE SCHEMA IF NOT EXISTS generator;

-- Each function uses each argument once and calls nothing volatile, so PostgreSQL inlines it into the generating
-- statement: called through the SQL function executor instead (a CASE testing one random() twenty-four times is
-- not inlined), a name cost ~12 µs, most of the members' and registrations' generation time. Callers pass a gender
-- that is no volatile expression (a column, or a test of the row's number), since full_name uses it twice.
-- family_name: the bucket of r among the cumulative shares (width_bucket, a binary search).
CREATE OR REPLACE FUNCTION generator.family_name(r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
                  'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Đào', 'Mai', 'Tạ', 'Lò', 'Hà'])
           [1 + width_bucket(r, ARRAY[0.38, 0.49, 0.585, 0.655, 0.705, 0.74, 0.77, 0.80, 0.82, 0.84, 0.86, 0.88, 0.895, 0.91,
                                      0.925, 0.935, 0.945, 0.955, 0.965, 0.975, 0.983, 0.99, 0.995]::double precision[])]
$$;

CREATE OR REPLACE FUNCTION generator.middle_name(female boolean, r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương', 'Bích', 'Mai',
                  'Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Duy'])
           [1 + floor(r * 12)::int + CASE WHEN female THEN 0 ELSE 12 END]
$$;

CREATE OR REPLACE FUNCTION generator.given_name(female boolean, r double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['Lan', 'Hương', 'Hoa', 'Mai', 'Hằng', 'Thảo', 'Linh', 'Trang', 'Ngọc', 'Nhung', 'Hà', 'Yến',
                  'Thủy', 'Hạnh', 'Dung', 'Loan', 'Huyền', 'Anh', 'Vân', 'Oanh', 'Phượng', 'Liên', 'Nga', 'Thư',
                  'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam',
                  'Phong', 'Quang', 'Sơn', 'Thắng', 'Thành', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Hiếu', 'Trung', 'Khoa'])
           [1 + floor(r * 24)::int + CASE WHEN female THEN 0 ELSE 24 END]
$$;

CREATE OR REPLACE FUNCTION generator.full_name(female boolean, r1 double precision, r2 double precision,
                                               r3 double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT generator.family_name(r1) || ' ' || generator.middle_name(female, r2) || ' ' || generator.given_name(female, r3)
$$;
