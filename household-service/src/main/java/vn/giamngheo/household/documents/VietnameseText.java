package vn.giamngheo.household.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitType;

/** How documents write numbers, dates, classes and the issuing body, the way Vietnamese administrative papers do. */
final class VietnameseText {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseText() {
    }

    /** 1234567 → "1.234.567". */
    static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + out;
    }

    /** 1234567 → "1.234.567 đ". */
    static String vnd(long value) {
        return number(value) + " đ";
    }

    /** dd/MM/yyyy; empty for no date. */
    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "ngày 05 tháng 10 năm 2025" (day and month of one digit written with a leading zero, as Decree 30/2020 asks). */
    static String longDate(LocalDate date) {
        return "ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
                + String.format("%02d", date.getMonthValue()) + " năm " + date.getYear();
    }

    /** "Phường", "Xã", "Thị trấn" or "Đặc khu". */
    static String unitKind(UnitType type) {
        return switch (type) {
            case PHUONG -> "Phường";
            case XA -> "Xã";
            case THI_TRAN -> "Thị trấn";
            case DAC_KHU -> "Đặc khu";
            default -> throw new IllegalArgumentException(type + " is not commune-level");
        };
    }

    /** The place name of the date line: the unit's name without its kind ("Phường Vĩnh Yên" → "Vĩnh Yên"). */
    static String place(AdministrativeUnit unit) {
        String kind = unitKind(unit.type()) + " ";
        return unit.name().regionMatches(true, 0, kind, 0, kind.length())
                ? unit.name().substring(kind.length()).strip() : unit.name();
    }

    /** "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN". */
    static String issuer(AdministrativeUnit unit) {
        return "ỦY BAN NHÂN DÂN " + unit.name().toUpperCase(VI);
    }

    /** "Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Hộ không nghèo"; "Chưa xếp loại" for none. */
    static String householdClass(HouseholdClass c) {
        if (c == null) {
            return "Chưa xếp loại";
        }
        return switch (c) {
            case POOR -> "Hộ nghèo";
            case NEAR_POOR -> "Hộ cận nghèo";
            case MIDDLE -> "Hộ có mức sống trung bình";
            case ABOVE -> "Hộ không nghèo";
        };
    }
}
