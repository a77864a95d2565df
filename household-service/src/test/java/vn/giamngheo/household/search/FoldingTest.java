package vn.giamngheo.household.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nguyễn Văn An|nguyen van an",
        "NGUYỄN VĂN AN|nguyen van an",
        "Đặng Thị Đào|dang thi dao",
        "đ Đ|d d",
        "Trương Ưng Ơn Ấn Ẩn Ẫn Ận|truong ung on an an an an",
        "  Lê   Thị\u00a0Hà  |le thi ha",
        "Tổ dân phố Đồng Tâm 3|to dan pho dong tam 3",
        "Nguyễn-Văn, An.|nguyen van an",
        "026068001234|026068001234",
        "Hà Nội|ha noi"})
    void foldsMarksTheLetterDCaseAndSeparators(String text, String folded) {
        assertThat(Folding.fold(text)).isEqualTo(folded);
    }

    @Test
    void composedAndDecomposedTextFoldTheSame() {
        String composed = "Nguyễn Thị Hương";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(Folding.fold(decomposed)).isEqualTo(Folding.fold(composed)).isEqualTo("nguyen thi huong");
    }

    @Test
    void emptyAndBlankFoldToNoWords() {
        assertThat(Folding.fold(null)).isEmpty();
        assertThat(Folding.fold(" ,. ")).isEmpty();
        assertThat(Folding.words("  ")).isEmpty();
        assertThat(Folding.words("Lê Văn  Tám")).containsExactly("le", "van", "tam");
    }

    @Test
    void namesSortByGivenNameThenFamilyAndMiddleInTheVietnameseAlphabet() {
        List<String> names = new ArrayList<>(List.of("Nguyễn Văn Bình", "Lê Thị Anh", "Trần Văn Ân", "Phạm Văn An",
                "Đỗ Thị Dung", "Bùi Văn Đức", "Anh Văn Dũng", "Hoàng Thị Ánh"));
        names.sort((a, b) -> Arrays.compareUnsigned(Folding.sortKey(a), Folding.sortKey(b)));
        // The given name decides first (An < Anh < Ánh < Ân: a < â, tones after the letter; Dung < Dũng < Đức: d < đ).
        assertThat(names).containsExactly("Phạm Văn An", "Lê Thị Anh", "Hoàng Thị Ánh", "Trần Văn Ân",
                "Nguyễn Văn Bình", "Đỗ Thị Dung", "Anh Văn Dũng", "Bùi Văn Đức");
    }
}
