BHXH đã cấp thẻ bảo hiểm y tế số ${cardNumber} cho một thành viên của hộ gia đình ông/bà, giá trị sử dụng từ ${validFrom} đến ${validTo}. Xin nhận thẻ tại UBND xã/phường.
