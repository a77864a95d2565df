<#import "names.ftl" as n>
UBND xã/phường thông báo: từ ngày ${effectiveDate}, <#if forPerson>một thành viên của </#if>hộ gia đình ông/bà thôi hưởng ${n.policy(policyCode)}. Nếu có ý kiến, xin liên hệ UBND xã/phường.
